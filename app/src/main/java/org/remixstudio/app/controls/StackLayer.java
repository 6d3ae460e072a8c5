package org.remixstudio.app.controls;

import java.util.List;

/**
 * One layer as the {@link LayerStack} draws it: ready-made texts, so the control stays free of the
 * remix model.
 *
 * @param fraction        the layer's share of the whole image, {@code 0..1}, for its size bar
 * @param sizeText        what the layer adds, e.g. {@code 41.2 MB}
 * @param dependencyText  e.g. {@code +23 dependencies, 41 MB}, empty when there are none
 * @param removed         names of packages the layer purges
 * @param licenses        the layer's license mix for its stripe; empty when not known yet
 * @param preview         a layer that is not part of the remix but shown for what an export adds: drawn
 *                        dashed, takes no drops, no menus, no removals
 */
public record StackLayer(String name, boolean base, double fraction, String sizeText, String detailText,
                         List<Chip> chips, String dependencyText, List<Chip> dependencies, List<String> removed,
                         List<LicenseStripe.Segment> licenses, boolean preview) {

    /** A layer of the remix whose licenses are not known yet. */
    public StackLayer(String name, boolean base, double fraction, String sizeText, String detailText,
                      List<Chip> chips, String dependencyText, List<Chip> dependencies, List<String> removed) {
        this(name, base, fraction, sizeText, detailText, chips, dependencyText, dependencies, removed, List.of(),
                false);
    }

    /** A layer of the remix with its license mix. */
    public StackLayer(String name, boolean base, double fraction, String sizeText, String detailText,
                      List<Chip> chips, String dependencyText, List<Chip> dependencies, List<String> removed,
                      List<LicenseStripe.Segment> licenses) {
        this(name, base, fraction, sizeText, detailText, chips, dependencyText, dependencies, removed, licenses,
                false);
    }

    /** A package on a layer: its name and a short size text. */
    public record Chip(String name, String detail, String tooltip) {
    }

    public StackLayer {
        chips = List.copyOf(chips);
        dependencies = List.copyOf(dependencies);
        removed = List.copyOf(removed);
        licenses = List.copyOf(licenses);
    }
}
