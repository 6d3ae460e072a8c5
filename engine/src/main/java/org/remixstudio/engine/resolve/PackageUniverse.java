package org.remixstudio.engine.resolve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
 * per catalog and architecture; immutable afterwards (as far as anyone can tell) and shared by all
 * resolutions.
 *
 * <p>Building it is on the path of every {@code remix resolve} process, so it is lean: one walk over
 * the entries that numbers the names (plain arrays and a {@link NameTable}, no boxing, no iterators),
 * while a version's dependency objects, the reverse dependencies and apt's hash order are made when
 * first asked for — a resolution touches a few thousand of the ~64,000 versions.
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

    private static final Ver[] NO_VERSIONS = new Ver[0];
    private static final Prv[] NO_PROVIDES = new Prv[0];
    private static final Dep[] NO_DEPS = new Dep[0];

    /** One version of a package (apt's {@code pkgCache::Version}). */
    static final class Ver {
        final int pkg;
        final BinaryPackage bp;
        /** apt's numeric priority: 0 none, 1 required … 5 extra; lower is preferred. */
        final int priority;
        private final PackageUniverse universe;
        /** Made on first use, once: dependencies are compared by identity. */
        private volatile Dep[] deps;

        Ver(int pkg, BinaryPackage bp, PackageUniverse universe) {
            this.pkg = pkg;
            this.bp = bp;
            this.universe = universe;
            this.priority = switch (bp.priority()) {
                case REQUIRED -> 1;
                case IMPORTANT -> 2;
                case STANDARD -> 3;
                case OPTIONAL -> 4;
                case EXTRA -> 5;
                case UNKNOWN -> 0;
            };
        }

        /** The dependencies in apt's order: Pre-Depends, Depends, Conflicts, Breaks, Recommends, Suggests, Replaces. */
        Dep[] deps() {
            Dep[] d = deps;
            return d != null ? d : makeDeps();
        }

        private synchronized Dep[] makeDeps() {
            Dep[] d = deps;
            if (d == null) {
                d = universe.buildDeps(this);
                deps = d;
            }
            return d;
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
        /** Index in {@code parent.deps()} of the first member of this dependency's or-group. */
        final int start;
        /** Index in {@code parent.deps()} of the last member of this dependency's or-group. */
        final int end;

        Dep(Ver parent, int type, int target, VersionOp op, DebVersion version, boolean or, RelationGroup group,
                int start, int end) {
            this.parent = parent;
            this.type = type;
            this.target = target;
            this.op = op;
            this.version = version;
            this.or = or;
            this.group = group;
            this.start = start;
            this.end = end;
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
    private final String nativeSuffix;
    private final NameTable names;
    /** Per package ID, grown with the names while building, trimmed afterwards. */
    private Ver[][] versions;
    private Prv[][] provides;
    private int[] provideCounts;
    private boolean[] essential;
    private boolean[] important;
    /**
     * For a name {@code foo} whose {@code foo:ARCH} (the native architecture) was met, that
     * qualified name's ID + 1: apt lets every later version of {@code foo} provide it.
     */
    private int[] nativeQualified;
    /** Made on first use, then never changed. */
    private Dep[][] reverseDepends;
    private int[] allInHashOrder;

    PackageUniverse(Catalog catalog, String architecture) {
        this.architecture = architecture;
        this.nativeSuffix = ":" + architecture;
        List<BinaryPackage> all = catalog.all();
        int capacity = all.size() * 2;
        names = new NameTable(capacity);
        versions = new Ver[capacity][];
        provides = new Prv[capacity][];
        provideCounts = new int[capacity];
        essential = new boolean[capacity];
        important = new boolean[capacity];
        nativeQualified = new int[capacity];
        // Walk the indexes in order, as apt's cache generator does, so IDs come out in its order.
        // (The body is a method of its own: the JIT compiles a method after a few hundred calls, but
        // a loop inside one long call only after tens of thousands of interpreted rounds.)
        for (int i = 0; i < all.size(); i++) {
            addEntry(all.get(i));
        }
        int n = names.size();
        versions = Arrays.copyOf(versions, n);
        provides = Arrays.copyOf(provides, n);
        essential = Arrays.copyOf(essential, n);
        important = Arrays.copyOf(important, n);
        for (int p = 0; p < n; p++) {
            finish(p);
        }
        provideCounts = null;
        nativeQualified = null;
    }

    /** Versions highest first, provider lists trimmed. */
    private void finish(int p) {
        Ver[] v = versions[p];
        if (v == null) {
            versions[p] = NO_VERSIONS;
        } else if (v.length > 1) {
            Arrays.sort(v, (a, b) -> b.version().compareTo(a.version())); // stable: index order among equals
        }
        Prv[] pr = provides[p];
        if (pr == null) {
            provides[p] = NO_PROVIDES;
        } else if (pr.length != provideCounts[p]) {
            provides[p] = Arrays.copyOf(pr, provideCounts[p]);
        }
    }

    private void addEntry(BinaryPackage bp) {
        // Versions apt would keep: the native architecture and "all", once per version string.
        if (!archUsable(bp.architecture())) {
            return;
        }
        int pkg = ensure(bp.name());
        if (isRepeat(pkg, bp)) {
            return;
        }
        Ver ver = new Ver(pkg, bp, this);
        addVersion(pkg, ver);
        if (bp.essential()) {
            essential[pkg] = true;
        }
        if (bp.important()) {
            important[pkg] = true;
        }
        ensureTargets(bp.preDepends(), ver);
        ensureTargets(bp.depends(), ver);
        ensureTargets(bp.conflicts(), ver);
        ensureTargets(bp.breaks(), ver);
        ensureTargets(bp.recommends(), ver);
        ensureTargets(bp.suggests(), ver);
        ensureTargets(bp.replaces(), ver);
        ensureTargets(bp.enhances(), ver);
        bySource.computeIfAbsent(bp.source(), k -> new java.util.ArrayList<>(2)).add(ver);
        addProvides(ver);
    }

    private boolean archUsable(String arch) {
        return arch.equals(architecture) || arch.equals("all");
    }

    /** The same name=version=arch seen in an earlier suite: apt (and {@link Catalog}) keep the first. */
    private boolean isRepeat(int pkg, BinaryPackage bp) {
        Ver[] seen = versions[pkg];
        if (seen != null) {
            for (Ver v : seen) {
                if (v.bp.sameEntryAs(bp)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void addVersion(int pkg, Ver ver) {
        Ver[] v = versions[pkg];
        if (v == null) {
            versions[pkg] = new Ver[] {ver};
        } else {
            v = Arrays.copyOf(v, v.length + 1);
            v[v.length - 1] = ver;
            versions[pkg] = v;
        }
    }

    private int ensure(String name) {
        int before = names.size();
        int id = names.add(name);
        if (id == before) {
            grow(id + 1);
            if (name.endsWith(nativeSuffix)) {
                int base = names.id(name.substring(0, name.length() - nativeSuffix.length()));
                if (base >= 0) {
                    nativeQualified[base] = id + 1;
                } else {
                    pendingQualified(name, id);
                }
            }
            if (nativeQualifiedPending != null) {
                Integer q = nativeQualifiedPending.remove(name);
                if (q != null) {
                    nativeQualified[id] = q + 1;
                }
            }
        }
        return id;
    }

    /** Qualified names met before their base name: rare, so a map made only when needed. */
    private java.util.Map<String, Integer> nativeQualifiedPending;

    /** Versions by source package name, for apt's upgrade of a package's sibling binaries. */
    private final java.util.Map<String, java.util.List<Ver>> bySource = new java.util.HashMap<>();

    private void pendingQualified(String qualified, int id) {
        if (nativeQualifiedPending == null) {
            nativeQualifiedPending = new java.util.HashMap<>();
        }
        nativeQualifiedPending.put(qualified.substring(0, qualified.length() - nativeSuffix.length()), id);
    }

    private void grow(int needed) {
        if (needed <= versions.length) {
            return;
        }
        int capacity = Math.max(needed, versions.length * 2);
        versions = Arrays.copyOf(versions, capacity);
        provides = Arrays.copyOf(provides, capacity);
        provideCounts = Arrays.copyOf(provideCounts, capacity);
        essential = Arrays.copyOf(essential, capacity);
        important = Arrays.copyOf(important, capacity);
        nativeQualified = Arrays.copyOf(nativeQualified, capacity);
    }

    /**
     * The name a relation points at. apt's {@code ParseDepends}: {@code foo:any} and {@code foo:ARCH}
     * are names of their own ({@code :native} meaning the native architecture).
     */
    private String targetName(PackageRelation r) {
        String q = r.archQualifier();
        if (q == null) {
            return r.name();
        }
        return r.name() + ":" + ("native".equals(q) ? architecture : q);
    }

    /** Numbers the names a version's relations mention, in the order apt meets them. */
    private void ensureTargets(List<RelationGroup> groups, Ver current) {
        for (int g = 0; g < groups.size(); g++) {
            List<PackageRelation> alts = groups.get(g).alternatives();
            for (int i = 0; i < alts.size(); i++) {
                PackageRelation r = alts.get(i);
                String target = targetName(r);
                boolean fresh = names.id(target) < 0;
                int qualified = ensure(target);
                String q = r.archQualifier();
                if (q != null && !"any".equals(q)) {
                    int base = ensure(r.name());
                    if (fresh && target.endsWith(nativeSuffix)) {
                        provideLazily(qualified, base, current);
                    }
                }
            }
        }
    }

    /**
     * apt creates {@code foo:ARCH} only when a relation first names it, and then lets every version
     * of foo met so far, and foo's explicit providers, provide it (pkgcachegen {@code NewPackage});
     * versions of foo met later provide it in {@link #addProvides}.
     */
    private void provideLazily(int qualified, int base, Ver current) {
        Prv[] explicit = provides[base];
        for (int i = 0, n = provideCounts[base]; i < n; i++) {
            if (!explicit[i].implicit()) {
                provide(qualified, explicit[i].owner(), explicit[i].owner().version(), true);
            }
        }
        Ver[] met = versions[base];
        if (met != null) {
            for (Ver v : met) {
                if (v != current) { // the version being added provides it in addProvides
                    provide(qualified, v, v.version(), true);
                }
            }
        }
    }

    /** A version's dependencies, made from its entry; every name they mention was numbered already. */
    private Dep[] buildDeps(Ver ver) {
        BinaryPackage bp = ver.bp;
        int count = alternatives(bp.preDepends()) + alternatives(bp.depends()) + alternatives(bp.conflicts())
                + alternatives(bp.breaks()) + alternatives(bp.recommends()) + alternatives(bp.suggests())
                + alternatives(bp.replaces()) + alternatives(bp.enhances());
        if (count == 0) {
            return NO_DEPS;
        }
        Dep[] out = new Dep[count];
        int at = addDeps(ver, PRE_DEPENDS, bp.preDepends(), out, 0);
        at = addDeps(ver, DEPENDS, bp.depends(), out, at);
        at = addDeps(ver, CONFLICTS, bp.conflicts(), out, at);
        at = addDeps(ver, BREAKS, bp.breaks(), out, at);
        at = addDeps(ver, RECOMMENDS, bp.recommends(), out, at);
        at = addDeps(ver, SUGGESTS, bp.suggests(), out, at);
        at = addDeps(ver, REPLACES, bp.replaces(), out, at);
        addDeps(ver, ENHANCES, bp.enhances(), out, at);
        return out;
    }

    private static int alternatives(List<RelationGroup> groups) {
        int n = 0;
        for (int g = 0; g < groups.size(); g++) {
            n += groups.get(g).alternatives().size();
        }
        return n;
    }

    private int addDeps(Ver ver, int type, List<RelationGroup> groups, Dep[] out, int at) {
        for (int g = 0; g < groups.size(); g++) {
            RelationGroup group = groups.get(g);
            List<PackageRelation> alts = group.alternatives();
            int start = at;
            int end = at + alts.size() - 1;
            for (int i = 0; i < alts.size(); i++) {
                PackageRelation r = alts.get(i);
                int target = names.id(targetName(r));
                out[at++] = new Dep(ver, type, target, r.op(), r.version(), i < alts.size() - 1, group, start, end);
            }
        }
        return at;
    }

    /** apt's {@code debListParser::ParseProvides} for a single native architecture. */
    private void addProvides(Ver ver) {
        BinaryPackage bp = ver.bp;
        MultiArch ma = bp.multiArch();
        List<PackageRelation> prs = bp.provides();
        for (int i = 0; i < prs.size(); i++) {
            PackageRelation p = prs.get(i);
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
        int qualified = nativeQualified[ver.pkg] - 1;
        if (qualified >= 0) {
            provide(qualified, ver, bp.version(), true);
        }
    }

    private void provide(int target, Ver owner, DebVersion version, boolean implicit) {
        Prv[] list = provides[target];
        int count = provideCounts[target];
        if (list == null) {
            list = new Prv[2];
            provides[target] = list;
        } else if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
            provides[target] = list;
        }
        list[count] = new Prv(owner, version, implicit);
        provideCounts[target] = count + 1;
    }

    String architecture() {
        return architecture;
    }

    int size() {
        return names.size();
    }

    String name(int pkg) {
        return names.name(pkg);
    }

    /** The package ID of a name, or -1. */
    int id(String name) {
        return names.id(name);
    }

    /** Versions, highest first; empty for a purely virtual name. */
    Ver[] versions(int pkg) {
        return versions[pkg];
    }

    /** A fresh copy of every package's candidate, indexed by package ID. */
    Ver[] candidates() {
        Ver[] out = new Ver[size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = candidate(p);
        }
        return out;
    }

    /** Every binary version built from a source package ({@code GrpIterator::VersionsInSource}). */
    java.util.List<Ver> versionsInSource(String source) {
        return bySource.getOrDefault(source, java.util.List.of());
    }

    /** The candidate apt picks when every source has the same pin: the highest version. */
    Ver candidate(int pkg) {
        Ver[] v = versions[pkg];
        return v.length == 0 ? null : v[0];
    }

    /** Who provides the name, in the order apt's cache generator added them. */
    Prv[] providers(int pkg) {
        return provides[pkg];
    }

    /** Every dependency (of any version) naming this package ({@code RevDependsList}). */
    Dep[] reverseDepends(int pkg) {
        return reverseDepends()[pkg];
    }

    /** Made on first use (only apt's problem resolver asks): every dependency of every version. */
    private synchronized Dep[][] reverseDepends() {
        if (reverseDepends == null) {
            int n = size();
            int[] counts = new int[n];
            for (int p = 0; p < n; p++) {
                for (Ver ver : versions[p]) {
                    for (Dep d : ver.deps()) {
                        counts[d.target]++;
                    }
                }
            }
            Dep[][] reverse = new Dep[n][];
            for (int p = 0; p < n; p++) {
                reverse[p] = counts[p] == 0 ? NO_DEPS : new Dep[counts[p]];
                counts[p] = 0;
            }
            for (int p = 0; p < n; p++) {
                for (Ver ver : versions[p]) {
                    for (Dep d : ver.deps()) {
                        reverse[d.target][counts[d.target]++] = d;
                    }
                }
            }
            reverseDepends = reverse;
        }
        return reverseDepends;
    }

    boolean essential(int pkg) {
        return essential[pkg];
    }

    boolean important(int pkg) {
        return important[pkg];
    }

    /**
     * Package IDs in the order apt's {@code PkgIterator} walks its hash table: by bucket
     * ({@code pkgCache::sHash}, a case-folded djb2 variant, modulo the table size), then inside a
     * bucket by name length and bytes ({@code StringViewCompareFast}). apt's pattern selections
     * ({@code ?essential}, {@code ?priority(required)}) are marked in this order, and its problem
     * resolver starts from it.
     */
    int[] hashOrder(int[] pkgs) {
        // Only the given names are hashed: sorting them by apt's key gives the order of the whole table.
        int n = pkgs.length;
        long[] keys = new long[n];
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            String name = names.name(pkgs[i]);
            keys[i] = (long) bucket(name) << 32 | i;
            bytes[i] = name.getBytes(StandardCharsets.UTF_8);
        }
        Arrays.sort(keys);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keys[i];
        }
        // inside a bucket: shorter first, then unsigned bytes
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && keys[to] >>> 32 == keys[from] >>> 32) {
                to++;
            }
            if (to - from > 1) {
                sortByBytes(out, from, to, bytes);
            }
            from = to;
        }
        for (int i = 0; i < n; i++) {
            out[i] = pkgs[out[i]];
        }
        return out;
    }

    /** Insertion sort of {@code idx[from, to)} (indexes into {@code bytes}) by {@link #compareFast}. */
    private static void sortByBytes(int[] idx, int from, int to, byte[][] bytes) {
        for (int i = from + 1; i < to; i++) {
            int x = idx[i];
            int j = i - 1;
            while (j >= from && compareFast(bytes[idx[j]], bytes[x]) > 0) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = x;
        }
    }

    /** Every package in hash-table order; made on first use (only apt's problem resolver asks). */
    synchronized int[] allInHashOrder() {
        if (allInHashOrder == null) {
            int n = size();
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            allInHashOrder = hashOrder(all);
        }
        return allInHashOrder.clone();
    }

    private static int compareFast(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compareUnsigned(a, b);
    }

    /** {@code pkgCache::sHash}: {@code hash = 33 * hash + (c | 0x20)} from 5381, unsigned 32-bit. */
    static int bucket(String name) {
        int hash = 5381;
        // apt unrolls this by eight characters; modulo 2^32 that is the same sum.
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return bucketOfBytes(name.getBytes(StandardCharsets.UTF_8)); // UTF-8 bytes, as apt hashes them
            }
            hash = 33 * hash + (c | 0x20);
        }
        return (int) (Integer.toUnsignedLong(hash) % HASH_TABLE_SIZE);
    }

    private static int bucketOfBytes(byte[] s) {
        int hash = 5381;
        for (byte b : s) {
            hash = 33 * hash + ((b & 0xff) | 0x20);
        }
        return (int) (Integer.toUnsignedLong(hash) % HASH_TABLE_SIZE);
    }
}
