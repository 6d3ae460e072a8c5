package org.remixstudio.app.layers;

import java.util.List;
import java.util.Map;
import org.remixstudio.engine.api.PlannedPackage;

/**
 * One layer of the stack as the view draws it.
 *
 * @param name          {@code base} or the spec layer's name
 * @param base          whether this is the base variant (not editable)
 * @param requested     the packages the user put in this layer, in spec order (installed size known
 *                      once planned; 0 until then)
 * @param dependencies  what the layer installs besides them
 * @param removed       names the layer purges
 * @param installedSize KiB this layer adds
 * @param downloadSize  bytes of its {@code .deb}s
 * @param totalSize     KiB of the image once this layer is applied
 * @param licenseMix    how many of the layer's packages are in each license category ({@code pending}: not
 *                      known yet); empty before the plan
 * @param preview       whether this is the preview of what a VM disk export adds ({@code vm-essentials}):
 *                      not part of the remix, not editable; {@code requested} then holds what the
 *                      export asks for and the remix lacks
 */
public record LayerItem(String name, boolean base, List<PlannedPackage> requested, List<PlannedPackage> dependencies,
                        List<String> removed, long installedSize, long downloadSize, long totalSize,
                        Map<String, Integer> licenseMix, boolean preview) {

    /** A layer of the remix itself whose licenses are not known yet. */
    public LayerItem(String name, boolean base, List<PlannedPackage> requested, List<PlannedPackage> dependencies,
                     List<String> removed, long installedSize, long downloadSize, long totalSize) {
        this(name, base, requested, dependencies, removed, installedSize, downloadSize, totalSize, Map.of(), false);
    }

    /** A layer of the remix itself with its license mix. */
    public LayerItem(String name, boolean base, List<PlannedPackage> requested, List<PlannedPackage> dependencies,
                     List<String> removed, long installedSize, long downloadSize, long totalSize,
                     Map<String, Integer> licenseMix) {
        this(name, base, requested, dependencies, removed, installedSize, downloadSize, totalSize, licenseMix, false);
    }

    public LayerItem {
        requested = List.copyOf(requested);
        dependencies = List.copyOf(dependencies);
        removed = List.copyOf(removed);
        licenseMix = Map.copyOf(licenseMix);
    }

    /** Installed KiB of the dependencies alone. */
    public long dependencySize() {
        return dependencies.stream().mapToLong(PlannedPackage::installedSize).sum();
    }
}
