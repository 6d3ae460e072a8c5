package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses SPDX license expressions (SPDX 2.3 Annex D.4): {@code OR} of {@code AND} of single licenses,
 * each optionally {@code WITH} an exception, with parentheses. Used for expressions the engine wrote
 * itself (the store) and for ids a user typed (policies), so errors name the offending position. A
 * {@code LicenseRef-ID-with-EXCEPTION} written by {@link SpdxExpression.License#render()} is read back
 * as the license with its unlisted exception.
 */
public final class SpdxExpressionParser {

    private final SpdxLicenseList list;

    public SpdxExpressionParser(SpdxLicenseList list) {
        this.list = list;
    }

    /** @throws IllegalArgumentException naming the expression and what is wrong with it */
    public SpdxExpression parse(String text) {
        Tokens t = new Tokens(text);
        SpdxExpression e = or(t);
        if (t.peek() != null) {
            throw t.error("unexpected '" + t.peek() + "'");
        }
        return e;
    }

    private SpdxExpression or(Tokens t) {
        List<SpdxExpression> terms = new ArrayList<>();
        terms.add(and(t));
        while ("OR".equalsIgnoreCase(t.peek())) {
            t.next();
            terms.add(and(t));
        }
        return SpdxExpression.or(terms);
    }

    private SpdxExpression and(Tokens t) {
        List<SpdxExpression> terms = new ArrayList<>();
        terms.add(with(t));
        while ("AND".equalsIgnoreCase(t.peek())) {
            t.next();
            terms.add(with(t));
        }
        return SpdxExpression.and(terms);
    }

    private SpdxExpression with(Tokens t) {
        String tok = t.next();
        if (tok == null) {
            throw t.error("a license id is missing");
        }
        if (tok.equals("(")) {
            SpdxExpression inner = or(t);
            if (!")".equals(t.next())) {
                throw t.error("')' is missing");
            }
            return inner;
        }
        if (tok.equals(")") || isOperator(tok)) {
            throw t.error("a license id is missing before '" + tok + "'");
        }
        if ("WITH".equalsIgnoreCase(t.peek())) {
            t.next();
            String exc = t.next();
            if (exc == null || exc.equals("(") || exc.equals(")") || isOperator(exc)) {
                throw t.error("an exception id is missing after WITH");
            }
            String listed = list.exception(exc).orElse(null);
            return new SpdxExpression.License(id(tok), listed == null ? exc : listed, listed != null);
        }
        return leaf(tok);
    }

    private SpdxExpression leaf(String tok) {
        if (LicenseRefs.isRef(tok)) {
            String rest = tok.substring(LicenseRefs.PREFIX.length());
            int with = rest.lastIndexOf("-with-");
            if (with > 0) {
                String base = rest.substring(0, with);
                String exc = rest.substring(with + "-with-".length());
                String id = list.license(base).isPresent() ? list.license(base).get() : LicenseRefs.PREFIX + base;
                return new SpdxExpression.License(id, exc, false);
            }
            return new SpdxExpression.License(tok);
        }
        return new SpdxExpression.License(id(tok));
    }

    /** The list's spelling of an id ({@code +} kept); ids not on the list are kept as written. */
    private String id(String tok) {
        if (LicenseRefs.isRef(tok)) {
            return tok;
        }
        boolean plus = tok.endsWith("+");
        String bare = plus ? tok.substring(0, tok.length() - 1) : tok;
        String id = list.license(bare).orElse(bare);
        if (list.isDeprecated(id)) {
            // the GNU ids before SPDX 3.0: GPL-2.0+ is GPL-2.0-or-later, GPL-2.0 is GPL-2.0-only
            Optional<String> current = list.license(id + (plus ? "-or-later" : "-only"));
            if (current.isPresent()) {
                return current.get();
            }
        }
        return id + (plus ? "+" : "");
    }

    private static boolean isOperator(String tok) {
        return tok.equalsIgnoreCase("AND") || tok.equalsIgnoreCase("OR") || tok.equalsIgnoreCase("WITH");
    }

    /** Splits on white space and parentheses. */
    private static final class Tokens {
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private int pos;

        Tokens(String text) {
            this.text = text;
            StringBuilder cur = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                    if (cur.length() > 0) {
                        tokens.add(cur.toString());
                        cur.setLength(0);
                    }
                    if (c != ' ' && !Character.isWhitespace(c)) {
                        tokens.add(String.valueOf(c));
                    }
                } else {
                    cur.append(c);
                }
            }
            if (cur.length() > 0) {
                tokens.add(cur.toString());
            }
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        String next() {
            return pos < tokens.size() ? tokens.get(pos++) : null;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("'" + text + "' is not an SPDX license expression: " + what
                    + " (at word " + Math.min(pos + 1, tokens.size() + 1) + ")");
        }
    }
}
