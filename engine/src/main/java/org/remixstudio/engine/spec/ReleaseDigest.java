package org.remixstudio.engine.spec;

import java.util.Comparator;
import java.util.Objects;

/**
 * The signed Release file a lock was resolved from: any change of the archive shows as a new digest.
 *
 * @param uri    the archive root, as in the source entry
 * @param suite  the suite as requested, e.g. {@code bookworm-updates}
 * @param sha256 SHA-256 of the verified {@code InRelease} (or {@code Release}) file, lower-case hex
 */
public record ReleaseDigest(String uri, String suite, String sha256) {

    static final Comparator<ReleaseDigest> ORDER =
            Comparator.comparing(ReleaseDigest::uri).thenComparing(ReleaseDigest::suite);

    public ReleaseDigest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@code uri suite}, unique within a lock. */
    public String key() {
        return uri + " " + suite;
    }
}
