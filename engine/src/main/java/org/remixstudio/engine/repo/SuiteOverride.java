package org.remixstudio.engine.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Points the host's sources at another suite of the same archives: with {@code trixie}, the suites
 * {@code bookworm}, {@code bookworm-updates} and {@code bookworm-security} become {@code trixie},
 * {@code trixie-updates} and {@code trixie-security}; URIs, components and keyrings stay. The codename
 * replaced is the base (the part before the first {@code -}) of the first binary source's first suite;
 * suites of other bases (e.g. a third-party repository's {@code stable}) are left alone.
 *
 * <p>The development suites ({@code sid}/{@code unstable}, {@code experimental}/{@code rc-buggy})
 * have no {@code -updates}, {@code -security} or {@code -backports} companions, so those are dropped
 * instead of being mapped to suites that do not exist.
 */
public final class SuiteOverride {

    private static final Set<String> WITHOUT_COMPANIONS = Set.of("sid", "unstable", "experimental", "rc-buggy");

    private final String target;

    public SuiteOverride(String target) {
        if (target == null || target.isBlank() || target.contains("/") || target.contains(" ")) {
            throw new IllegalArgumentException("'" + target + "' is not a suite name");
        }
        this.target = target.strip();
    }

    /** The sources with mapped suites; sources left without a suite are dropped. */
    public List<AptSource> apply(List<AptSource> sources) {
        String from = baseCodename(sources);
        if (from == null) {
            return sources;
        }
        List<AptSource> out = new ArrayList<>();
        for (AptSource s : sources) {
            List<String> suites = new ArrayList<>();
            for (String suite : s.suites()) {
                String mapped = map(suite, from);
                if (mapped != null && !suites.contains(mapped)) {
                    suites.add(mapped);
                }
            }
            if (!suites.isEmpty()) {
                out.add(s.withSuites(suites));
            }
        }
        return out;
    }

    /** The suite that replaces {@code suite}, or {@code null} when it has no counterpart. */
    String map(String suite, String from) {
        if (suite.equals(from)) {
            return target;
        }
        if (suite.startsWith(from + "-")) {
            return WITHOUT_COMPANIONS.contains(target) ? null : target + suite.substring(from.length());
        }
        return suite;
    }

    /** The codename the host's sources are built on, or {@code null} when there are none. */
    static String baseCodename(List<AptSource> sources) {
        for (AptSource s : sources) {
            if (s.isBinary()) {
                for (String suite : s.suites()) {
                    if (!suite.endsWith("/")) {
                        int dash = suite.indexOf('-');
                        return dash < 0 ? suite : suite.substring(0, dash);
                    }
                }
            }
        }
        return null;
    }
}
