package org.remixstudio.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A remix resolved layer by layer, without building anything: the figures the studio's layer stack
 * shows.
 *
 * @param layers        the base first, then each spec layer
 * @param installedSize KiB of the final package set
 * @param downloadSize  bytes of every {@code .deb} the build fetches (each layer's added packages)
 */
public record RemixPlan(List<PlannedLayer> layers, long installedSize, long downloadSize) {

    public RemixPlan {
        layers = List.copyOf(layers);
    }

    /** The layer of that name. */
    public Optional<PlannedLayer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The final package set: each package from the highest layer that installs it, minus what is removed above. */
    public List<PlannedPackage> packages() {
        Map<String, PlannedPackage> set = new TreeMap<>();
        for (PlannedLayer layer : layers) {
            layer.removed().forEach(set::remove);
            layer.added().forEach(p -> set.put(p.name(), p));
        }
        return List.copyOf(set.values());
    }
}
