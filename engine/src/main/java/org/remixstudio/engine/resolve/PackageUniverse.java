package org.remixstudio.engine.resolve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.RelationGroup;
import org.remixstudio.engine.catalog.VersionOp;

/**
 * The catalog seen the way apt's package cache ({@code pkgcachegen.cc}) sees it, so that the marking
 * code can follow apt line by line: every name that occurs (real, virtual, or {@code name:any}) is a
 * package with an ID given in the order apt's cache generator first meets it (apt breaks ties between
 * equal providers by that ID), versions carry their dependencies in apt's field order with or-group
 * flags, and each name knows who provides it, including apt's implicit Multi-Arch provides. Built once
 * per catalog and architecture; immutable afterwards and shared by all resolutions.
 */
final class PackageUniverse {

    /** apt's dependency types, in the order {@code debListParser::NewVersion} parses them. */
    static final int PRE_DEPENDS = 0;
    static final int DEPENDS = 1;
    static final int CONFLICTS = 2;
    static final int BREAKS = 3;
    static final int RECOMMENDS = 4;
    static final int SUGGESTS = 5;
    static final int REPLACES = 6;
    static final int ENHANCES = 7;
    private static final String[] FIELD = {"Pre-Depends", "Depends", "Conflicts", "Breaks", "Recommends",
        "Suggests", "Replaces", "Enhances"};

    /** apt's default {@code APT::Cache-HashTableSize}; pattern matches are visited in its bucket order. */
    private static final int HASH_TABLE_SIZE = 196613;

    /** One version of a package (apt's {@code pkgCache::Version}). */
    static final class Ver {
        final int pkg;
        final BinaryPackage bp;
        /** apt's numeric priority: 0 none, 1 required … 5 extra; lower is preferred. */
        final int priority;
        Dep[] deps = new Dep[0];

        Ver(int pkg, BinaryPackage bp) {
            this.pkg = pkg;
            this.bp = bp;
            this.priority = switch (bp.priority()) {
                case REQUIRED -> 1;
                case IMPORTANT -> 2;
                case STANDARD -> 3;
                case OPTIONAL -> 4;
                case EXTRA -> 5;
                case UNKNOWN -> 0;
            };
        }

        DebVersion version() {
            return bp.version();
        }

        @Override
        public String toString() {
            return bp.name() + " " + bp.version();
        }
    }

    /** One alternative of a relationship (apt's {@code pkgCache::Dependency}). */
    static final class Dep {
        final Ver parent;
        final int type;
        final int target;
        final VersionOp op;
        final DebVersion version;
        /** apt's {@code Dep::Or}: the next dependency belongs to the same or-group. */
        final boolean or;
        final RelationGroup group;
        /** Index in {@code parent.deps} of the first member of this dependency's or-group. */
        final int start;
        /** Index in {@code parent.deps} of the last member of this dependency's or-group. */
        int end;

        Dep(Ver parent, int type, int target, VersionOp op, DebVersion version, boolean or, RelationGroup group,
                int start) {
            this.parent = parent;
            this.type = type;
            this.target = target;
            this.op = op;
            this.version = version;
            this.or = or;
            this.group = group;
            this.start = start;
        }

        boolean negative() {
            return type == CONFLICTS || type == BREAKS;
        }

        boolean critical() {
            return negative() || type == DEPENDS || type == PRE_DEPENDS;
        }

        boolean accepts(DebVersion v) {
            return op == null || (v != null && op.test(v, version));
        }

        /** The relation as a control field would show it, e.g. {@code Depends: usrmerge | usr-is-merged}. */
        String text() {
            return FIELD[type] + ": " + group;
        }
    }

    /**
     * {@code owner} provides a name, with {@code version} ({@code null} when unversioned);
     * {@code implicit} for the provides apt adds itself for Multi-Arch ({@code Flag::MultiArchImplicit}).
     */
    record Prv(Ver owner, DebVersion version, boolean implicit) {
    }

    private final String architecture;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Ver[]> versions = new ArrayList<>();
    private final List<List<Prv>> provides = new ArrayList<>();
    private final List<Boolean> essentialFlags = new ArrayList<>();
    private final List<Boolean> importantFlags = new ArrayList<>();
    private Ver[][] versionArray;
    private Ver[] candidates;
    private Prv[][] provideArray;
    private Dep[][] reverseDepends;
    private final Map<String, List<Ver>> bySource = new HashMap<>();
    /** Lazily computed, then never changed: the position of each package in apt's hash order. */
    private int[] hashRank;
    private int[] allInHashOrder;
    private boolean[] essential;
    private boolean[] important;

    PackageUniverse(Catalog catalog, String architecture) {
        this.architecture = architecture;
        // Versions apt would keep: the native architecture and "all", one per version string.
        Map<BinaryPackage, Boolean> kept = new IdentityHashMap<>();
        for (String name : catalog.names()) {
            for (BinaryPackage bp : catalog.versions(name)) {
                if (archUsable(bp.architecture())) {
                    kept.put(bp, Boolean.TRUE);
                }
            }
        }
        Map<Integer, List<Ver>> vers = new HashMap<>();
        // Walk the indexes in order, as apt's cache generator does, so IDs come out in its order.
        for (BinaryPackage bp : catalog.all()) {
            if (!kept.containsKey(bp)) {
                continue;
            }
            int pkg = ensure(bp.name());
            Ver ver = new Ver(pkg, bp);
            bySource.computeIfAbsent(bp.source(), k -> new ArrayList<>(2)).add(ver);
            vers.computeIfAbsent(pkg, k -> new ArrayList<>(1)).add(ver);
            if (bp.essential()) {
                essentialFlags.set(pkg, true);
            }
            if (bp.important()) {
                importantFlags.set(pkg, true);
            }
            List<Dep> deps = new ArrayList<>();
            addDeps(ver, PRE_DEPENDS, bp.preDepends(), deps);
            addDeps(ver, DEPENDS, bp.depends(), deps);
            addDeps(ver, CONFLICTS, bp.conflicts(), deps);
            addDeps(ver, BREAKS, bp.breaks(), deps);
            addDeps(ver, RECOMMENDS, bp.recommends(), deps);
            addDeps(ver, SUGGESTS, bp.suggests(), deps);
            addDeps(ver, REPLACES, bp.replaces(), deps);
            addDeps(ver, ENHANCES, bp.enhances(), deps);
            ver.deps = deps.toArray(new Dep[0]);
            addProvides(ver);
        }
        int n = names.size();
        List<List<Dep>> reverse = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reverse.add(new ArrayList<>(0));
        }
        versionArray = new Ver[n][];
        provideArray = new Prv[n][];
        essential = new boolean[n];
        important = new boolean[n];
        Ver[] none = new Ver[0];
        for (int i = 0; i < n; i++) {
            List<Ver> v = vers.get(i);
            if (v == null) {
                versionArray[i] = none;
            } else {
                v.sort((a, b) -> b.version().compareTo(a.version()));
                versionArray[i] = v.toArray(new Ver[0]);
            }
            provideArray[i] = provides.get(i).toArray(new Prv[0]);
            for (Ver ver : versionArray[i]) {
                for (Dep d : ver.deps) {
                    reverse.get(d.target).add(d);
                }
            }
            essential[i] = essentialFlags.get(i);
            important[i] = importantFlags.get(i);
        }
        candidates = new Ver[n];
        for (int i = 0; i < n; i++) {
            candidates[i] = versionArray[i].length == 0 ? null : versionArray[i][0];
        }
        reverseDepends = new Dep[n][];
        Dep[] noDeps = new Dep[0];
        for (int i = 0; i < n; i++) {
            List<Dep> r = reverse.get(i);
            reverseDepends[i] = r.isEmpty() ? noDeps : r.toArray(noDeps);
        }
    }

    private boolean archUsable(String arch) {
        return arch.equals(architecture) || arch.equals("all");
    }

    private int ensure(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int next = names.size();
        ids.put(name, next);
        names.add(name);
        provides.add(new ArrayList<>(0));
        essentialFlags.add(false);
        importantFlags.add(false);
        return next;
    }

    /** apt's {@code ParseDepends}: {@code foo:any} and {@code foo:ARCH} are names of their own. */
    private void addDeps(Ver ver, int type, List<RelationGroup> groups, List<Dep> out) {
        for (RelationGroup g : groups) {
            int start = out.size();
            List<PackageRelation> alts = g.alternatives();
            for (int i = 0; i < alts.size(); i++) {
                PackageRelation r = alts.get(i);
                String target = r.name();
                String q = r.archQualifier();
                if (q != null) {
                    target = r.name() + ":" + ("native".equals(q) ? architecture : q);
                }
                int t = ensure(target);
                if (q != null && !"any".equals(q)) {
                    // apt lazily lets every version of foo provide foo:ARCH (pkgcachegen NewPackage).
                    ensure(r.name());
                }
                out.add(new Dep(ver, type, t, r.op(), r.version(), i < alts.size() - 1, g, start));
            }
            for (int i = start; i < out.size(); i++) {
                out.get(i).end = out.size() - 1;
            }
        }
    }

    /** apt's {@code debListParser::ParseProvides} for a single native architecture. */
    private void addProvides(Ver ver) {
        BinaryPackage bp = ver.bp;
        MultiArch ma = bp.multiArch();
        for (PackageRelation p : bp.provides()) {
            if (p.op() != null && p.op() != VersionOp.EQ) {
                continue; // apt ignores non-equal Provides with a warning
            }
            if ("any".equals(p.archQualifier())) {
                provide(ensure(p.name() + ":any"), ver, p.version(), false);
            } else if (p.archQualifier() != null) {
                provide(ensure(p.name()), ver, p.version(), true);
                provide(ensure(p.name() + ":" + p.archQualifier()), ver, p.version(), false);
            } else if (ma == MultiArch.FOREIGN) {
                provide(ensure(p.name()), ver, p.version(), false);
            } else {
                if (ma == MultiArch.ALLOWED) {
                    provide(ensure(p.name() + ":any"), ver, p.version(), true);
                }
                provide(ensure(p.name()), ver, p.version(), false);
            }
        }
        if (ma == MultiArch.ALLOWED) {
            provide(ensure(bp.name() + ":any"), ver, bp.version(), true);
        }
        Integer qualified = ids.get(bp.name() + ":" + architecture);
        if (qualified != null) {
            provide(qualified, ver, bp.version(), true);
        }
    }

    private void provide(int target, Ver owner, DebVersion version, boolean implicit) {
        provides.get(target).add(new Prv(owner, version, implicit));
    }

    String architecture() {
        return architecture;
    }

    int size() {
        return names.size();
    }

    String name(int pkg) {
        return names.get(pkg);
    }

    /** The package ID of a name, or -1. */
    int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /** Versions, highest first; empty for a purely virtual name. */
    Ver[] versions(int pkg) {
        return versionArray[pkg];
    }

    /** The candidate apt picks when every source has the same pin: the highest version. */
    Ver candidate(int pkg) {
        return candidates[pkg];
    }

    /** A fresh copy of every package's candidate, indexed by package ID. */
    Ver[] candidates() {
        return candidates.clone();
    }

    /** Who provides the name, in the order apt's cache generator added them. */
    Prv[] providers(int pkg) {
        return provideArray[pkg];
    }

    /** Every binary version built from a source package ({@code GrpIterator::VersionsInSource}). */
    List<Ver> versionsInSource(String source) {
        return bySource.getOrDefault(source, List.of());
    }

    /** Every dependency (of any version) naming this package ({@code RevDependsList}). */
    Dep[] reverseDepends(int pkg) {
        return reverseDepends[pkg];
    }

    boolean essential(int pkg) {
        return essential[pkg];
    }

    boolean important(int pkg) {
        return important[pkg];
    }

    /**
     * Every package in the order apt's {@code PkgIterator} walks its hash table: by bucket
     * ({@code pkgCache::sHash}, a case-folded djb2 variant, modulo the table size), then inside a
     * bucket by name length and bytes ({@code StringViewCompareFast}). apt's problem resolver starts
     * from this order.
     */
    int[] allInHashOrder() {
        hashRank();
        return allInHashOrder.clone();
    }

    private int[] hashRank() {
        synchronized (this) {
            if (hashRank == null) {
                int n = names.size();
                int[] buckets = new int[n];
                byte[][] bytes = new byte[n][];
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    bytes[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
                    buckets[i] = bucket(names.get(i));
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> {
                    if (buckets[a] != buckets[b]) {
                        return Integer.compare(buckets[a], buckets[b]);
                    }
                    if (bytes[a].length != bytes[b].length) {
                        return Integer.compare(bytes[a].length, bytes[b].length);
                    }
                    return Arrays.compareUnsigned(bytes[a], bytes[b]);
                });
                int[] rank = new int[n];
                int[] all = new int[n];
                for (int i = 0; i < n; i++) {
                    rank[order[i]] = i;
                    all[i] = order[i];
                }
                allInHashOrder = all;
                hashRank = rank;
            }
            return hashRank;
        }
    }

    /** {@code pkgCache::sHash}: {@code hash = 33 * hash + (c | 0x20)} from 5381, unsigned 32-bit. */
    static int bucket(String name) {
        byte[] s = name.getBytes(StandardCharsets.UTF_8);
        int hash = 5381;
        // apt unrolls this by eight characters; modulo 2^32 that is the same sum.
        for (byte b : s) {
            hash = 33 * hash + ((b & 0xff) | 0x20);
        }
        return (int) (Integer.toUnsignedLong(hash) % HASH_TABLE_SIZE);
    }
}
