package org.remixstudio.engine.build.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What a build wrote.
 *
 * @param output   the image file or directory
 * @param digest   the manifest digest ({@code sha256:…}), empty for a root filesystem tar
 * @param size     bytes written
 * @param layers   bottom layer first
 * @param warnings things the user should know (e.g. packages left unconfigured)
 * @param sboms    the SBOM files written beside the output (SPDX, then CycloneDX); empty without SBOMs
 */
public record BuiltImage(Path output, String digest, long size, List<BuiltLayer> layers, List<String> warnings,
                         List<Path> sboms) {

    public BuiltImage {
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
        sboms = List.copyOf(sboms);
    }
}
