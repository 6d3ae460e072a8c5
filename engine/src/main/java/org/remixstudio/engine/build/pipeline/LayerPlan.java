package org.remixstudio.engine.build.pipeline;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.remixstudio.engine.catalog.BinaryPackage;

/**
 * One layer of a build as resolved: the complete package set after it, and what changed against the
 * layer below (the base layer adds its whole set).
 *
 * @param name     the layer's name ({@code base} for the base variant)
 * @param packages every package installed once this layer is applied
 * @param added    packages to install (new names, or other versions of names below)
 * @param removed  names installed below and purged by this layer
 * @param auto     names of added packages installed only as dependencies, which apt marks automatically
 *                 installed (so {@code apt autoremove} can take them away again)
 */
public record LayerPlan(String name, List<BinaryPackage> packages, List<BinaryPackage> added, List<String> removed,
                        Set<String> auto) {

    public LayerPlan {
        packages = List.copyOf(packages);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        auto = Collections.unmodifiableSet(new TreeSet<>(auto));
    }

    /** The canonical inputs of this layer for the layer cache: name=version=sha256 of each added package, then removals. */
    public String cacheInputs() {
        StringBuilder b = new StringBuilder("layer ").append(name).append('\n');
        added.stream().map(p -> p.name() + "=" + p.version() + "=" + p.sha256()).sorted()
                .forEach(s -> b.append("add ").append(s).append('\n'));
        removed.stream().sorted().forEach(s -> b.append("remove ").append(s).append('\n'));
        auto.forEach(s -> b.append("auto ").append(s).append('\n'));
        return b.toString();
    }

    /** The history entry: the layer name and what it installs and removes. */
    public String createdBy() {
        StringBuilder b = new StringBuilder("remix: layer ").append(name);
        if (!added.isEmpty()) {
            b.append(" +").append(added.size()).append(" (")
                    .append(String.join(" ", added.stream().map(BinaryPackage::name).limit(20).toList()))
                    .append(added.size() > 20 ? " …" : "").append(')');
        }
        if (!removed.isEmpty()) {
            b.append(" -").append(removed.size()).append(" (").append(String.join(" ", removed)).append(')');
        }
        return b.toString();
    }
}
