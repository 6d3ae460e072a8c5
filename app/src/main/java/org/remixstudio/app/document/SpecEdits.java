package org.remixstudio.app.document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * The edits a person makes to a remix, each a pure function from one immutable spec to the next.
 * Keeping them pure makes undo trivial (the history holds the specs) and lets the impact pane ask
 * the engine about an edit before it is made. Bad requests (an unknown layer, a duplicate name)
 * throw {@link IllegalArgumentException} with a message fit for the status bar.
 */
public final class SpecEdits {

    private SpecEdits() {
    }

    /** Adds {@code pkg} to the layer's packages; removes it from that layer's removals if it was there. */
    public static RemixSpec addPackage(RemixSpec spec, String layer, String pkg) {
        LayerSpec l = layer(spec, layer);
        if (l.add().stream().anyMatch(r -> r.name().equals(pkg))) {
            throw new IllegalArgumentException(pkg + " is already in layer '" + layer + "'");
        }
        List<PackageRef> add = new ArrayList<>(l.add());
        List<String> remove = new ArrayList<>(l.remove());
        if (!remove.remove(pkg)) {
            add.add(PackageRef.of(pkg));
        }
        return replace(spec, layer, new LayerSpec(l.name(), add, remove));
    }

    /**
     * Takes {@code pkg} out of the layer: a package the layer asked for leaves its list; any other
     * package (one the base or a lower layer brought) is purged by this layer.
     */
    public static RemixSpec removePackage(RemixSpec spec, String layer, String pkg) {
        LayerSpec l = layer(spec, layer);
        List<PackageRef> add = new ArrayList<>(l.add());
        List<String> remove = new ArrayList<>(l.remove());
        if (!add.removeIf(r -> r.name().equals(pkg))) {
            if (remove.contains(pkg)) {
                throw new IllegalArgumentException(pkg + " is already removed by layer '" + layer + "'");
            }
            remove.add(pkg);
        }
        return replace(spec, layer, new LayerSpec(l.name(), add, remove));
    }

    /** A new empty layer on top. */
    public static RemixSpec addLayer(RemixSpec spec, String name) {
        checkName(spec, name);
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.add(new LayerSpec(name, List.of(), List.of()));
        return withLayers(spec, layers);
    }

    /** A layer name not used yet: {@code layer-1}, {@code layer-2}, … */
    public static String freshLayerName(RemixSpec spec) {
        for (int i = spec.layers().size() + 1; ; i++) {
            String name = "layer-" + i;
            if (spec.layers().stream().noneMatch(l -> l.name().equals(name))) {
                return name;
            }
        }
    }

    public static RemixSpec renameLayer(RemixSpec spec, String layer, String newName) {
        if (layer.equals(newName)) {
            return spec;
        }
        checkName(spec, newName);
        LayerSpec l = layer(spec, layer);
        return replace(spec, layer, new LayerSpec(newName, l.add(), l.remove()));
    }

    /** Moves a layer to {@code newIndex} (0 is the lowest spec layer, just above the base). */
    public static RemixSpec moveLayer(RemixSpec spec, String layer, int newIndex) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        int from = indexOf(spec, layer);
        if (newIndex < 0 || newIndex >= layers.size()) {
            throw new IllegalArgumentException("layer '" + layer + "' cannot move there");
        }
        layers.add(newIndex, layers.remove(from));
        return withLayers(spec, layers);
    }

    /** Merges a layer into the one below it: the lower layer keeps its name and gets both lists. */
    public static RemixSpec mergeDown(RemixSpec spec, String layer) {
        int i = indexOf(spec, layer);
        if (i == 0) {
            throw new IllegalArgumentException("layer '" + layer + "' is the lowest layer; nothing to merge it into");
        }
        LayerSpec lower = spec.layers().get(i - 1);
        LayerSpec upper = spec.layers().get(i);
        Set<String> names = new LinkedHashSet<>();
        List<PackageRef> add = new ArrayList<>();
        List<String> remove = new ArrayList<>(lower.remove());
        for (PackageRef r : lower.add()) {
            if (names.add(r.name())) {
                add.add(r);
            }
        }
        // the upper layer came later, so its word wins: its removals drop earlier adds and vice versa
        for (String name : upper.remove()) {
            add.removeIf(r -> r.name().equals(name));
            names.remove(name);
            if (!remove.contains(name)) {
                remove.add(name);
            }
        }
        for (PackageRef r : upper.add()) {
            remove.remove(r.name());
            if (names.add(r.name())) {
                add.add(r);
            }
        }
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.set(i - 1, new LayerSpec(lower.name(), add, remove));
        layers.remove(i);
        return withLayers(spec, layers);
    }

    public static RemixSpec deleteLayer(RemixSpec spec, String layer) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.remove(indexOf(spec, layer));
        return withLayers(spec, layers);
    }

    public static RemixSpec withLayers(RemixSpec s, List<LayerSpec> layers) {
        return new RemixSpec(s.specVersion(), s.name(), s.description(), s.sources(), s.suite(), s.architecture(),
                s.variant(), s.recommends(), layers, s.customizations(), s.container(), s.timestamp());
    }

    public static RemixSpec withName(RemixSpec s, String name) {
        return new RemixSpec(s.specVersion(), name, s.description(), s.sources(), s.suite(), s.architecture(),
                s.variant(), s.recommends(), s.layers(), s.customizations(), s.container(), s.timestamp());
    }

    public static int indexOf(RemixSpec spec, String layer) {
        for (int i = 0; i < spec.layers().size(); i++) {
            if (spec.layers().get(i).name().equals(layer)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no layer named '" + layer + "' in remix '" + spec.name() + "'");
    }

    private static LayerSpec layer(RemixSpec spec, String name) {
        return spec.layers().get(indexOf(spec, name));
    }

    private static RemixSpec replace(RemixSpec spec, String layer, LayerSpec with) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.set(indexOf(spec, layer), with);
        return withLayers(spec, layers);
    }

    private static void checkName(RemixSpec spec, String name) {
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("layer name '" + name
                    + "': use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        if (name.equals("base") || spec.layers().stream().anyMatch(l -> l.name().equals(name))) {
            throw new IllegalArgumentException("a layer named '" + name + "' exists already; choose another name");
        }
    }
}
