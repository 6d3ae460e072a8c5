package org.remixstudio.engine.catalog;

import java.util.ArrayList;
import java.util.Collections;
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
 *
 * <p>The indexes are built on first use, not in the constructor: a {@code remix resolve} process
 * never asks for them (the resolver walks {@link #all()} itself), and building them for ~66,000
 * entries was a quarter of a warm start. Thread-safe; the lists handed out cannot be changed.
 */
public final class Catalog {

    private final List<BinaryPackage> packages;
    private final String nativeArchitecture;
    private volatile NameIndex nameIndex;
    private volatile Map<String, List<BinaryPackage>> providersByName;

    public Catalog(List<BinaryPackage> packages, String nativeArchitecture) {
        this.nativeArchitecture = nativeArchitecture;
        this.packages = List.copyOf(packages);
    }

    /**
     * The distinct versions of every name, highest first. A name with one entry (most of them) keeps
     * the entry itself rather than a list, which saves ~60,000 small lists.
     */
    private static final class NameIndex {
        final Map<String, Object> byName;
        /** Entries dropped as repeats of an entry carried by an earlier suite. */
        final Set<BinaryPackage> repeats;

        NameIndex(List<BinaryPackage> packages) {
            Map<String, Object> names = new HashMap<>(packages.size() * 2);
            List<String> several = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                BinaryPackage p = packages.get(i);
                Object seen = names.putIfAbsent(p.name(), p);
                if (seen instanceof BinaryPackage first) {
                    List<BinaryPackage> list = new ArrayList<>(2);
                    list.add(first);
                    list.add(p);
                    names.put(p.name(), list);
                    several.add(p.name());
                } else if (seen != null) {
                    @SuppressWarnings("unchecked")
                    List<BinaryPackage> list = (List<BinaryPackage>) seen;
                    list.add(p);
                }
            }
            Set<BinaryPackage> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
            for (String name : several) {
                @SuppressWarnings("unchecked")
                List<BinaryPackage> versions = (List<BinaryPackage>) names.get(name);
                names.put(name, sortedDistinct(versions, dropped));
            }
            this.byName = names;
            this.repeats = dropped;
        }

        List<BinaryPackage> versions(String name) {
            Object o = byName.get(name);
            if (o == null) {
                return List.of();
            }
            if (o instanceof BinaryPackage p) {
                return List.of(p);
            }
            @SuppressWarnings("unchecked")
            List<BinaryPackage> list = (List<BinaryPackage>) o;
            return list;
        }
    }

    /**
     * Highest first; the same name=version=arch may appear in several suites (e.g. bookworm and
     * bookworm-updates before a point release): the first seen is kept, the others go to {@code dropped}.
     */
    private static List<BinaryPackage> sortedDistinct(List<BinaryPackage> versions, Set<BinaryPackage> dropped) {
        versions.sort((a, b) -> b.version().compareTo(a.version())); // stable: index order among equals
        List<BinaryPackage> distinct = new ArrayList<>(versions.size());
        for (BinaryPackage p : versions) {
            boolean repeat = false;
            for (BinaryPackage d : distinct) {
                if (d.sameEntryAs(p)) {
                    repeat = true;
                    break;
                }
            }
            if (repeat) {
                dropped.add(p);
            } else {
                distinct.add(p);
            }
        }
        return List.copyOf(distinct);
    }

    private NameIndex nameIndex() {
        NameIndex index = nameIndex;
        if (index == null) {
            synchronized (this) {
                index = nameIndex;
                if (index == null) {
                    index = new NameIndex(packages);
                    nameIndex = index;
                }
            }
        }
        return index;
    }

    private Map<String, List<BinaryPackage>> providersByName() {
        Map<String, List<BinaryPackage>> providers = providersByName;
        if (providers == null) {
            synchronized (this) {
                providers = providersByName;
                if (providers == null) {
                    providers = indexProviders(nameIndex().repeats);
                    providersByName = providers;
                }
            }
        }
        return providers;
    }

    /**
     * Providers come from the de-duplicated entries, so an entry present in two suites is offered
     * once, exactly as {@link #versions} lists it; index order is kept.
     */
    private Map<String, List<BinaryPackage>> indexProviders(Set<BinaryPackage> repeats) {
        Map<String, List<BinaryPackage>> provides = new HashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            BinaryPackage p = packages.get(i);
            List<PackageRelation> prs = p.provides();
            if (prs.isEmpty() || repeats.contains(p)) {
                continue;
            }
            for (int k = 0; k < prs.size(); k++) {
                List<BinaryPackage> list = provides.get(prs.get(k).name());
                if (list == null) {
                    list = new ArrayList<>(2);
                    provides.put(prs.get(k).name(), list);
                }
                if (list.isEmpty() || list.get(list.size() - 1) != p) { // "Provides: a, a (= 1)"
                    list.add(p);
                }
            }
        }
        provides.replaceAll((k, v) -> List.copyOf(v));
        return provides;
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
        return nameIndex().byName.size();
    }

    /** Every version of a real package, highest first; empty for unknown or purely virtual names. */
    public List<BinaryPackage> versions(String name) {
        return nameIndex().versions(name);
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
        return providersByName().getOrDefault(virtualName, List.of());
    }

    /** Package names in no particular order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(nameIndex().byName.keySet());
    }
}
