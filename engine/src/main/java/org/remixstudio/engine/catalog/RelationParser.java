package org.remixstudio.engine.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses relationship fields (Depends, Pre-Depends, Recommends, Suggests, Conflicts, Breaks,
 * Replaces, Provides) following Debian policy §7.1. Architecture restrictions ({@code [amd64]}) and
 * build profiles ({@code <!nocheck>}) only occur in source packages; they are skipped here. Names
 * (§5.6.1), architecture qualifiers and versions are checked, and nothing may follow the version in
 * parentheses, so a damaged field fails instead of yielding a wrong relation.
 */
public final class RelationParser {

    private RelationParser() {
    }

    /** @throws IllegalArgumentException with the offending text when the field is malformed */
    public static List<RelationGroup> parse(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        List<RelationGroup> groups = new ArrayList<>();
        for (String group : field.split(",")) {
            if (group.isBlank()) {
                continue; // a trailing comma is tolerated, as dpkg does
            }
            List<PackageRelation> alts = new ArrayList<>(2);
            // -1 keeps a trailing empty alternative ("a |"), which is then reported
            for (String alt : group.split("\\|", -1)) {
                alts.add(parseOne(alt.strip(), field));
            }
            groups.add(new RelationGroup(alts));
        }
        return List.copyOf(groups);
    }

    /**
     * Parses a single relation such as {@code foo:any (>= 1.2)}.
     *
     * @param context the whole field, quoted in error messages
     * @throws IllegalArgumentException naming the relation and the field when it is malformed
     */
    public static PackageRelation parseOne(String text, String context) {
        String s = stripRestrictions(text);
        if (s.isEmpty()) {
            throw bad("empty package name (stray ',' or '|'?)", text, context);
        }
        String name = s;
        VersionOp op = null;
        DebVersion version = null;
        int paren = s.indexOf('(');
        if (paren >= 0) {
            int close = s.indexOf(')', paren);
            if (close < 0) {
                throw bad("unclosed '('", text, context);
            }
            if (!s.substring(close + 1).isBlank()) {
                throw bad("unexpected text after ')'", text, context);
            }
            name = s.substring(0, paren).strip();
            String inside = s.substring(paren + 1, close).strip();
            int v = 0;
            while (v < inside.length() && "<>=".indexOf(inside.charAt(v)) >= 0) {
                v++;
            }
            if (v == 0) {
                throw bad("missing operator (one of << <= = >= >>)", text, context);
            }
            try {
                op = VersionOp.parse(inside.substring(0, v));
                version = DebVersion.parse(inside.substring(v).strip());
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage(), text, context);
            }
        }
        String arch = null;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            arch = name.substring(colon + 1);
            name = name.substring(0, colon);
            if (!isArchQualifier(arch)) {
                throw bad("bad architecture qualifier '" + arch + "'", text, context);
            }
        }
        if (!isPackageName(name)) {
            throw bad("bad package name '" + name + "'", text, context);
        }
        return new PackageRelation(name.intern(), arch == null ? null : arch.intern(), op, version);
    }

    /**
     * Policy §5.6.1: lower-case letters, digits, {@code + - .}, starting with an alphanumeric. Upper
     * case is tolerated (dpkg compares names case-insensitively and old entries used it).
     */
    private static boolean isPackageName(String name) {
        if (name.isEmpty() || !isAlphanumeric(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAlphanumeric(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code any}, {@code native} or an architecture name: lower-case letters, digits and '-'. */
    private static boolean isArchQualifier(String arch) {
        if (arch.isEmpty()) {
            return false;
        }
        for (int i = 0; i < arch.length(); i++) {
            char c = arch.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException bad(String problem, String relation, String context) {
        return new IllegalArgumentException(problem + " in relation '" + relation.strip() + "' of '" + context + "'");
    }

    private static String stripRestrictions(String s) {
        int cut = s.length();
        int bracket = s.indexOf('[');
        if (bracket >= 0) {
            cut = bracket;
        }
        int close = s.indexOf(')');
        int angle = s.indexOf('<', close >= 0 ? close + 1 : (s.indexOf('(') >= 0 ? s.length() : 0));
        if (angle >= 0 && angle < cut) {
            cut = angle;
        }
        return s.substring(0, cut).strip();
    }
}
