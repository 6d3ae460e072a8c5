package org.remixstudio.engine.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names closest to a misspelt one, for "did you mean ...?" hints. Distance is the optimal
 * string alignment distance (Levenshtein plus adjacent transpositions, so {@code ngnix} is one step
 * from {@code nginx}), compared case-insensitively; how far a hint may be grows with the length of
 * the name, so short names only get near misses.
 */
public final class CloseMatches {

    private CloseMatches() {
    }

    /** The largest distance still offered as a hint for a name of this length. */
    public static int allowedDistance(String name) {
        int n = name.length();
        return n <= 3 ? 1 : n <= 6 ? 2 : 3;
    }

    /** Up to {@code limit} candidates within the allowed distance, closest first, then alphabetically. */
    public static List<String> closest(String name, Collection<String> candidates, int limit) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int max = allowedDistance(wanted);
        record Scored(String name, int distance) {
        }
        List<Scored> found = new ArrayList<>();
        for (String c : candidates) {
            if (Math.abs(c.length() - wanted.length()) > max) {
                continue;
            }
            int d = distance(wanted, c.toLowerCase(Locale.ROOT), max);
            if (d <= max) {
                found.add(new Scored(c, d));
            }
        }
        found.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return found.stream().limit(limit).map(Scored::name).toList();
    }

    /**
     * Like {@link #closest}, but only the candidates at the smallest distance found: with tens of
     * thousands of package names, {@code ngnix} is one step from {@code nginx} and two from many
     * unrelated names, which would only be noise.
     */
    public static List<String> nearest(String name, Collection<String> candidates, int limit) {
        List<String> all = closest(name, candidates, Integer.MAX_VALUE);
        if (all.isEmpty()) {
            return all;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        int best = distance(wanted, all.get(0).toLowerCase(Locale.ROOT), allowedDistance(wanted));
        return all.stream()
                .filter(c -> distance(wanted, c.toLowerCase(Locale.ROOT), best) <= best)
                .limit(limit)
                .toList();
    }

    /** {@code " did you mean 'x'?"} or {@code " did you mean 'x' or 'y'?"}, or empty. */
    public static String hint(List<String> matches) {
        if (matches.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; did you mean ");
        for (int i = 0; i < matches.size(); i++) {
            if (i > 0) {
                sb.append(i == matches.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(matches.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }

    /**
     * Optimal string alignment distance, giving up (returning {@code max + 1}) as soon as every
     * cell of a row exceeds {@code max}.
     */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
