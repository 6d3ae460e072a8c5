package org.remixstudio.engine.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All package entries of the indexes in use (several suites and components merged), indexed by
 * name and by provided (virtual) name. The candidate of a name is its highest version, as apt picks
 * it when every source has the same pin priority.
 */
public final class Catalog {

    private static final Comparator<BinaryPackage> HIGHEST_FIRST =
            Comparator.comparing(BinaryPackage::version).reversed();

    private final List<BinaryPackage> packages;
    private final Map<String, List<BinaryPackage>> byName;
    private final Map<String, List<BinaryPackage>> providersByName;
    private final String nativeArchitecture;

    public Catalog(List<BinaryPackage> packages, String nativeArchitecture) {
        this.nativeArchitecture = nativeArchitecture;
        this.packages = List.copyOf(packages);
        Map<String, List<BinaryPackage>> names = new HashMap<>(packages.size() * 2);
        for (BinaryPackage p : this.packages) {
            names.computeIfAbsent(p.name(), k -> new ArrayList<>(1)).add(p);
        }
        names.replaceAll((k, v) -> sortedDistinct(v));
        // Providers come from the de-duplicated entries, so an entry present in two suites is
        // offered once, exactly as versions() lists it; index order is kept.
        Set<BinaryPackage> kept = Collections.newSetFromMap(new IdentityHashMap<>(packages.size() * 2));
        names.values().forEach(kept::addAll);
        Map<String, List<BinaryPackage>> provides = new HashMap<>();
        for (BinaryPackage p : this.packages) {
            if (!p.provides().isEmpty() && kept.contains(p)) {
                for (PackageRelation pr : p.provides()) {
                    List<BinaryPackage> list = provides.computeIfAbsent(pr.name(), k -> new ArrayList<>(2));
                    if (list.isEmpty() || list.get(list.size() - 1) != p) { // "Provides: a, a (= 1)"
                        list.add(p);
                    }
                }
            }
        }
        provides.replaceAll((k, v) -> List.copyOf(v));
        this.byName = names;
        this.providersByName = provides;
    }

    private static List<BinaryPackage> sortedDistinct(List<BinaryPackage> versions) {
        if (versions.size() > 1) {
            versions.sort(HIGHEST_FIRST);
            // The same name=version=arch may appear in several suites (e.g. bookworm and
            // bookworm-updates before a point release): keep the first seen.
            List<BinaryPackage> distinct = new ArrayList<>(versions.size());
            for (BinaryPackage p : versions) {
                boolean dup = distinct.stream().anyMatch(d -> d.version().compareTo(p.version()) == 0
                        && d.architecture().equals(p.architecture()));
                if (!dup) {
                    distinct.add(p);
                }
            }
            return List.copyOf(distinct);
        }
        return List.copyOf(versions);
    }

    public String nativeArchitecture() {
        return nativeArchitecture;
    }

    /** Every entry, in index order. */
    public List<BinaryPackage> all() {
        return packages;
    }

    /** Number of distinct package names. */
    public int nameCount() {
        return byName.size();
    }

    /** Every version of a real package, highest first; empty for unknown or purely virtual names. */
    public List<BinaryPackage> versions(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The version apt would install: the highest one. */
    public Optional<BinaryPackage> candidate(String name) {
        List<BinaryPackage> v = versions(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * Every entry (any version) that lists {@code virtualName} in its {@code Provides}, in index order;
     * an entry carried by several suites is listed once.
     */
    public List<BinaryPackage> providers(String virtualName) {
        return providersByName.getOrDefault(virtualName, List.of());
    }

    /** Package names in no particular order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }
}
