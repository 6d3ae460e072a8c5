package org.remixstudio.engine.spec;

import java.util.List;
import java.util.Objects;

/**
 * One layer of the image: packages installed on top of the layers before it, and packages taken
 * away again. Each spec layer becomes one image layer, in spec order.
 *
 * @param name   unique within the spec; names the image layer and the lock's entry
 * @param add    packages to install (with their dependencies), in spec order
 * @param remove package names to purge from what the earlier layers and the base installed
 */
public record LayerSpec(String name, List<PackageRef> add, List<String> remove) {

    public LayerSpec {
        Objects.requireNonNull(name, "name");
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }
}
