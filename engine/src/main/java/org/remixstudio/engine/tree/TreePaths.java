package org.remixstudio.engine.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Normalizes archive member names into tree paths and orders them. A tree path is relative, uses
 * {@code /}, has no empty, {@code .} or {@code ..} components and no trailing slash; the root itself
 * is {@code "."}. Debian's {@code data.tar} writes {@code ./usr/bin/bash}, which becomes
 * {@code usr/bin/bash}; {@code ../x} and {@code /etc/x} are refused rather than repaired, because a
 * package that contains them is broken or hostile.
 */
public final class TreePaths {

    /** The path of the tree's root directory. */
    public static final String ROOT = ".";

    /**
     * Orders paths component by component, so every directory sorts before its children and
     * siblings sort by name ({@code a/b} before {@code a.b}, unlike plain string order).
     */
    public static final Comparator<String> PARENTS_FIRST = TreePaths::compareComponents;

    private TreePaths() {
    }

    /**
     * @param raw a member name as stored in an archive, e.g. {@code ./usr/share/doc/}
     * @return the normalized tree path, e.g. {@code usr/share/doc}
     * @throws UnsafePathException when the name is empty, absolute, holds NUL or a {@code ..} component
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new UnsafePathException(String.valueOf(raw), "empty path");
        }
        if (raw.indexOf('\0') >= 0) {
            throw new UnsafePathException(raw, "path contains a NUL character");
        }
        if (raw.startsWith("/")) {
            throw new UnsafePathException(raw, "absolute path; archive members must be relative to the tree root");
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (String component : raw.split("/", -1)) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                throw new UnsafePathException(raw, "path climbs out of the tree with '..'");
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(component);
        }
        return out.length() == 0 ? ROOT : out.toString();
    }

    /** The components of a normalized path; empty for the root. */
    public static List<String> components(String path) {
        if (path.equals(ROOT)) {
            return List.of();
        }
        return List.of(path.split("/"));
    }

    /** The parent of a normalized path; the root's parent is the root. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? ROOT : path.substring(0, slash);
    }

    /** The last component of a normalized path; the root's name is {@code "."}. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Joins a normalized directory path and a child name. */
    public static String child(String dir, String name) {
        return dir.equals(ROOT) ? name : dir + "/" + name;
    }

    /** The proper ancestors of a path, outermost first, without the root. */
    public static List<String> ancestors(String path) {
        List<String> result = new ArrayList<>();
        int slash = path.indexOf('/');
        while (slash >= 0) {
            result.add(path.substring(0, slash));
            slash = path.indexOf('/', slash + 1);
        }
        return result;
    }

    private static int compareComponents(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(ROOT)) {
            return -1;
        }
        if (b.equals(ROOT)) {
            return 1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = a.indexOf('/', i);
            int endB = b.indexOf('/', j);
            if (endA < 0) {
                endA = a.length();
            }
            if (endB < 0) {
                endB = b.length();
            }
            int c = compareRegions(a, i, endA, b, j, endB);
            if (c != 0) {
                return c;
            }
            i = endA + 1;
            j = endB + 1;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * {@code a.substring(i, endA).compareTo(b.substring(j, endB))} without making the substrings: sorting
     * a tree's paths compares components millions of times.
     */
    private static int compareRegions(String a, int i, int endA, String b, int j, int endB) {
        int lenA = endA - i;
        int lenB = endB - j;
        int n = Math.min(lenA, lenB);
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(i + k);
            char cb = b.charAt(j + k);
            if (ca != cb) {
                return ca - cb;
            }
        }
        return lenA - lenB;
    }
}
