package org.remixstudio.engine.api;

import java.util.List;

/**
 * One layer of a planned remix: what it installs and takes away on top of the layers below.
 *
 * @param name               {@code base} for the variant, else the spec layer's name
 * @param added              packages this layer installs (new, or another version of one below)
 * @param removed            names installed below that this layer purges
 * @param installedSize      KiB that {@code added} installs
 * @param downloadSize       bytes of {@code added}'s {@code .deb}s
 * @param totalInstalledSize KiB of the whole package set once this layer is applied
 */
public record PlannedLayer(String name, List<PlannedPackage> added, List<String> removed, long installedSize,
                           long downloadSize, long totalInstalledSize) {

    public PlannedLayer {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
