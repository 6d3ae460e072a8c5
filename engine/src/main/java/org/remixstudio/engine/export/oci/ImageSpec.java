package org.remixstudio.engine.export.oci;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an image archive is made from.
 *
 * @param reference    the name and tag the image is loaded under
 * @param architecture GOARCH-style architecture, e.g. {@code amd64}, {@code arm64}
 * @param os           e.g. {@code linux}
 * @param runtime      execution defaults
 * @param layers       bottom layer first
 * @param created      creation time written into the config, the history and the archive's own entries
 * @param annotations  manifest annotations (annotations.md), e.g. {@code org.opencontainers.image.source}
 */
public record ImageSpec(ImageReference reference, String architecture, String os, RuntimeConfig runtime,
                        List<ImageLayer> layers, Instant created, Map<String, String> annotations) {

    public ImageSpec {
        layers = List.copyOf(layers);
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations == null ? Map.of() : annotations));
        runtime = runtime == null ? RuntimeConfig.empty() : runtime;
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one layer");
        }
    }
}
