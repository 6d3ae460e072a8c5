package org.remixstudio.engine.repo;

import java.util.List;

/**
 * One archive URI and suite: the unit that has one {@code InRelease}/{@code Release} file. Knows the
 * paths of that archive's files ({@code dists/SUITE/...}, or {@code SUITE...} for a flat repository,
 * sources.list(5) "exact path"). {@code Filename} fields are relative to {@link #uri()} in both
 * layouts, as apt's {@code ArchiveURI} takes them.
 *
 * @param uri        the archive root, ending in {@code /}
 * @param suite      the suite as written in the source
 * @param components the components to read (several sources naming the same URI and suite are merged)
 * @param source     the source entry it came from (keyring, trusted flag, location)
 */
public record SuiteTarget(String uri, String suite, List<String> components, AptSource source) {

    public SuiteTarget {
        components = List.copyOf(components);
    }

    public boolean isFlat() {
        return suite.endsWith("/");
    }

    /** The directory holding the Release files, relative to {@link #uri()}, ending in {@code /}. */
    public String releaseDir() {
        if (isFlat()) {
            return suite.equals("./") || suite.equals("/") ? "" : suite;
        }
        return "dists/" + suite + "/";
    }

    /** {@code URI suite}, as named in messages. */
    public String displayName() {
        return uri + " " + suite;
    }

    /** A stable key of the URI and suite, for the cache. */
    public String key() {
        return uri + "\n" + suite;
    }
}
