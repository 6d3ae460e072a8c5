package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RemixEngine#build} wrote.
 *
 * @param output   the image file or directory
 * @param digest   the image manifest's digest ({@code sha256:…}); empty for a root filesystem tar
 * @param size     bytes written
 * @param layers   bottom layer first
 * @param warnings things the user should know
 * @param sboms    the SBOMs written beside the output: {@code OUT.spdx.json}, then {@code OUT.cdx.json}
 */
public record BuildResult(Path output, String digest, long size, List<Layer> layers, List<String> warnings,
                          List<Path> sboms) {

    /** A result without SBOM files. */
    public BuildResult(Path output, String digest, long size, List<Layer> layers, List<String> warnings) {
        this(output, digest, size, layers, warnings, List.of());
    }

    /**
     * One layer of the built image.
     *
     * @param name      {@code base}, the spec layer's name, or {@code squashed}
     * @param packages  packages installed once the layer is applied
     * @param added     packages it installs
     * @param removed   packages it purges
     * @param diffId    digest of the uncompressed layer
     * @param size      compressed size in bytes
     * @param fromCache taken from the layer cache instead of built
     */
    public record Layer(String name, int packages, int added, int removed, String diffId, long size, boolean fromCache) {
    }

    public BuildResult {
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
        sboms = List.copyOf(sboms);
    }
}
