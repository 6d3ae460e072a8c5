package org.remixstudio.engine.sbom;

import java.util.Objects;

/**
 * A signed Release file the image's packages were resolved from, cited as an external reference:
 * it is the root of trust of every {@code .deb} digest in the SBOM.
 *
 * @param uri    the archive root, ending in {@code /}
 * @param suite  the suite, e.g. {@code bookworm-security}
 * @param sha256 SHA-256 of the verified {@code InRelease} (or {@code Release}) file
 */
public record SbomRelease(String uri, String suite, String sha256) {

    public SbomRelease {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The directory holding the suite's Release files ({@code dists/SUITE/}, or the flat suite path). */
    public String releaseDirectory() {
        String base = uri.endsWith("/") ? uri : uri + "/";
        if (suite.endsWith("/")) {
            return suite.equals("./") || suite.equals("/") ? base : base + suite;
        }
        return base + "dists/" + suite + "/";
    }
}
