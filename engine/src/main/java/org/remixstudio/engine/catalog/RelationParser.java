package org.remixstudio.engine.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses relationship fields (Depends, Pre-Depends, Recommends, Suggests, Conflicts, Breaks,
 * Replaces, Provides) following Debian policy §7.1. Architecture restrictions ({@code [amd64]}) and
 * build profiles ({@code <!nocheck>}) only occur in source packages; they are skipped here.
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
            for (String alt : group.split("\\|")) {
                alts.add(parseOne(alt.strip(), field));
            }
            groups.add(new RelationGroup(alts));
        }
        return List.copyOf(groups);
    }

    /** Parses a single relation such as {@code foo:any (>= 1.2)}. */
    public static PackageRelation parseOne(String text, String context) {
        String s = stripRestrictions(text);
        String name = s;
        VersionOp op = null;
        DebVersion version = null;
        int paren = s.indexOf('(');
        if (paren >= 0) {
            int close = s.indexOf(')', paren);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '(' in relation '" + text + "' of '" + context + "'");
            }
            name = s.substring(0, paren).strip();
            String inside = s.substring(paren + 1, close).strip();
            int v = 0;
            while (v < inside.length() && "<>=".indexOf(inside.charAt(v)) >= 0) {
                v++;
            }
            if (v == 0) {
                throw new IllegalArgumentException("missing operator in relation '" + text + "' of '" + context + "'");
            }
            op = VersionOp.parse(inside.substring(0, v));
            version = DebVersion.parse(inside.substring(v));
        }
        String arch = null;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            arch = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (name.isEmpty() || name.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad package name in relation '" + text + "' of '" + context + "'");
        }
        return new PackageRelation(name.intern(), arch == null ? null : arch.intern(), op, version);
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
