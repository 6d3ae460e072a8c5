package org.remixstudio.engine.api;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.RelationGroup;

/** Turns internal catalog entries into the API's plain records (Debian spelling for relations). */
final class PackageDetailsMapper {

    private PackageDetailsMapper() {
    }

    static PackageSummary summary(BinaryPackage p) {
        return new PackageSummary(p.name(), p.version().toString(), p.architecture(), p.section(),
                p.installedSize(), p.size(), p.shortDescription());
    }

    static PackageDetails details(Catalog catalog, BinaryPackage p) {
        List<String> others = catalog.versions(p.name()).stream()
                .filter(v -> v != p)
                .map(v -> v.version() + " (" + v.origin().suite() + ")")
                .toList();
        return new PackageDetails(p.name(), p.version().toString(), p.architecture(),
                p.multiArch().name().toLowerCase(java.util.Locale.ROOT), p.essential(), p.priority().label(),
                p.section(), p.installedSize(), p.size(), p.sha256(), p.filename(), p.source(),
                p.sourceVersion().toString(), join(p.depends()), join(p.preDepends()), join(p.recommends()),
                join(p.suggests()), join(p.conflicts()), join(p.breaks()), join(p.replaces()),
                p.provides().stream().map(PackageRelation::toString).collect(Collectors.joining(", ")),
                p.shortDescription(), p.longDescription(), p.homepage(),
                p.origin() == null ? "" : p.origin().suite(), p.origin() == null ? "" : p.origin().component(),
                reverseDependencies(catalog, p), others);
    }

    /**
     * Names of candidates whose Pre-Depends, Depends or Recommends can be met by {@code target}
     * itself or by one of the names it provides. A scan of the whole catalog, which costs a few
     * milliseconds and runs only when a user asks to see one package.
     */
    static List<String> reverseDependencies(Catalog catalog, BinaryPackage target) {
        Set<String> names = new java.util.HashSet<>();
        names.add(target.name());
        target.provides().forEach(pr -> names.add(pr.name()));
        Set<String> result = new TreeSet<>();
        for (String n : catalog.names()) {
            BinaryPackage c = catalog.candidate(n).orElseThrow();
            if (mentions(c.depends(), names) || mentions(c.preDepends(), names) || mentions(c.recommends(), names)) {
                result.add(c.name());
            }
        }
        result.remove(target.name());
        return List.copyOf(result);
    }

    private static boolean mentions(List<RelationGroup> groups, Set<String> names) {
        for (RelationGroup g : groups) {
            for (PackageRelation r : g.alternatives()) {
                if (names.contains(r.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String join(List<RelationGroup> groups) {
        return groups.stream().map(RelationGroup::toString).collect(Collectors.joining(", "));
    }
}
