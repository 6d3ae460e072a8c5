package org.remixstudio.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * A proposed change to one layer of a remix, as the studio asks about it while a package is dragged
 * over a layer: packages to add there ({@code name} or {@code name=version}) and packages to take
 * away there (added by a lower layer or the base).
 *
 * @param layer the spec layer's name ({@code base} is the variant and cannot be edited)
 */
public record LayerEdit(String layer, List<String> add, List<String> remove) {

    public LayerEdit {
        Objects.requireNonNull(layer, "layer");
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    public static LayerEdit add(String layer, String... packages) {
        return new LayerEdit(layer, List.of(packages), List.of());
    }

    public static LayerEdit remove(String layer, String... packages) {
        return new LayerEdit(layer, List.of(), List.of(packages));
    }
}
