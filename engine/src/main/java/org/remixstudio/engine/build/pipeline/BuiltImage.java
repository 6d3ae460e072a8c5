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
 */
public record BuiltImage(Path output, String digest, long size, List<BuiltLayer> layers, List<String> warnings) {

    public BuiltImage {
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
    }
}
