package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An SPDX license expression (SPDX 2.3 Annex D): single licenses, optionally {@code WITH} an
 * exception, combined with {@code AND} and {@code OR}. {@code AND} binds tighter than {@code OR}
 * (Annex D.4.3), which {@link #render()} respects by parenthesizing only where needed.
 */
public sealed interface SpdxExpression permits SpdxExpression.License, SpdxExpression.And, SpdxExpression.Or {

    /** The canonical text of the expression. */
    String render();

    /** Every license id in the expression, without exceptions (a trailing {@code +} kept). */
    default Set<String> licenseIds() {
        Set<String> out = new TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(SpdxExpression e, Set<String> out) {
        if (e instanceof License l) {
            out.add(l.id());
        } else if (e instanceof And a) {
            a.terms().forEach(t -> collect(t, out));
        } else if (e instanceof Or o) {
            o.terms().forEach(t -> collect(t, out));
        }
    }

    /**
     * One license. An exception the SPDX list has renders as {@code id WITH exception}; one it lacks
     * cannot stand after {@code WITH} (Annex D.2), so the pair renders as one
     * {@code LicenseRef-ID-with-EXCEPTION} that keeps both names, and the license's own id still counts
     * for its category.
     *
     * @param id              an SPDX license id (possibly with the {@code +} operator) or a {@code LicenseRef-}
     * @param exception       an exception name, or empty
     * @param listedException whether {@code exception} is an SPDX exception id
     */
    record License(String id, String exception, boolean listedException) implements SpdxExpression {

        public License(String id) {
            this(id, "", false);
        }

        public boolean hasException() {
            return !exception.isEmpty();
        }

        @Override
        public String render() {
            if (exception.isEmpty()) {
                return id;
            }
            if (listedException) {
                return id + " WITH " + exception;
            }
            String base = id.startsWith("LicenseRef-") ? id.substring("LicenseRef-".length()) : id;
            return LicenseRefs.of(base.replace("+", "-or-later") + "-with-" + exception);
        }
    }

    /** All of the terms apply (a conjunctive licensing). */
    record And(List<SpdxExpression> terms) implements SpdxExpression {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public String render() {
            List<String> parts = new ArrayList<>();
            for (SpdxExpression t : terms) {
                parts.add(t instanceof Or ? "(" + t.render() + ")" : t.render());
            }
            return String.join(" AND ", parts);
        }
    }

    /** Any one of the terms may be chosen (a disjunctive licensing). */
    record Or(List<SpdxExpression> terms) implements SpdxExpression {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public String render() {
            List<String> parts = new ArrayList<>();
            for (SpdxExpression t : terms) {
                parts.add(t.render());
            }
            return String.join(" OR ", parts);
        }
    }

    /** {@code AND} of the terms, flattened and without repeats; a single term stands alone. */
    static SpdxExpression and(List<SpdxExpression> terms) {
        List<SpdxExpression> flat = new ArrayList<>();
        for (SpdxExpression t : terms) {
            for (SpdxExpression x : t instanceof And a ? a.terms() : List.of(t)) {
                if (!flat.contains(x)) {
                    flat.add(x);
                }
            }
        }
        return flat.size() == 1 ? flat.get(0) : new And(flat);
    }

    /** {@code OR} of the terms, flattened and without repeats; a single term stands alone. */
    static SpdxExpression or(List<SpdxExpression> terms) {
        List<SpdxExpression> flat = new ArrayList<>();
        for (SpdxExpression t : terms) {
            for (SpdxExpression x : t instanceof Or o ? o.terms() : List.of(t)) {
                if (!flat.contains(x)) {
                    flat.add(x);
                }
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Or(flat);
    }
}
