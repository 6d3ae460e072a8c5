package org.remixstudio.engine.sbom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.RelationGroup;

/**
 * Resolves the {@code Pre-Depends} and {@code Depends} of each package of an installed set within
 * that set (Debian policy §7.1, §7.5): for each relation group, the first alternative that a package
 * of the set satisfies, by its own name and version or by a {@code Provides} entry, gives the
 * {@code DEPENDS_ON} edges. An alternative nothing in the set satisfies is skipped, as dpkg would
 * look at the next one; a group nothing satisfies gives no edge (the set came from a resolver, so
 * that only happens for packages outside the SBOM's view).
 */
final class InstalledDependencies {

    private final Map<String, List<BinaryPackage>> byName = new HashMap<>();
    private final Map<String, List<Provider>> byProvided = new HashMap<>();

    private record Provider(BinaryPackage pkg, PackageRelation provides) {
    }

    InstalledDependencies(Collection<BinaryPackage> installed) {
        for (BinaryPackage p : installed) {
            byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p);
            for (PackageRelation provided : p.provides()) {
                byProvided.computeIfAbsent(provided.name(), n -> new ArrayList<>()).add(new Provider(p, provided));
            }
        }
    }

    /** Keys ({@code name:arch}) of the packages {@code p} depends on, sorted, itself excluded. */
    List<String> of(BinaryPackage p) {
        TreeSet<String> out = new TreeSet<>();
        List<RelationGroup> groups = new ArrayList<>(p.preDepends());
        groups.addAll(p.depends());
        for (RelationGroup group : groups) {
            for (PackageRelation alternative : group.alternatives()) {
                List<BinaryPackage> satisfiers = satisfiers(p, alternative);
                if (!satisfiers.isEmpty()) {
                    satisfiers.forEach(s -> out.add(SbomPackage.key(s.name(), s.architecture())));
                    break;
                }
            }
        }
        out.remove(SbomPackage.key(p.name(), p.architecture()));
        return List.copyOf(out);
    }

    private List<BinaryPackage> satisfiers(BinaryPackage from, PackageRelation r) {
        List<BinaryPackage> out = new ArrayList<>();
        for (BinaryPackage candidate : byName.getOrDefault(r.name(), List.of())) {
            if (r.acceptsVersion(candidate.version()) && archFits(from, candidate, r)) {
                out.add(candidate);
            }
        }
        for (Provider provider : byProvided.getOrDefault(r.name(), List.of())) {
            // a versioned relation is satisfied only by a provision with an exact version (policy §7.5)
            boolean versionOk = !r.isVersioned()
                    || (provider.provides().version() != null && r.acceptsVersion(provider.provides().version()));
            if (versionOk && archFits(from, provider.pkg(), r)) {
                out.add(provider.pkg());
            }
        }
        return out;
    }

    /**
     * The architecture rule, kept lenient: an explicit {@code :arch} qualifier must match, else the
     * candidate must be of the depending package's architecture, {@code all}, or the only one of its name.
     */
    private boolean archFits(BinaryPackage from, BinaryPackage candidate, PackageRelation r) {
        String q = r.archQualifier();
        if (q != null && !q.equals("any") && !q.equals("native")) {
            return q.equals(candidate.architecture());
        }
        String arch = candidate.architecture();
        return q != null || arch.equals("all") || from.architecture().equals("all") || arch.equals(from.architecture())
                || byName.getOrDefault(candidate.name(), List.of()).size() == 1;
    }
}
