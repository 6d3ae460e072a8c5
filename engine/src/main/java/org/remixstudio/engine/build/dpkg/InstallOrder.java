package org.remixstudio.engine.build.dpkg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.RelationGroup;

/**
 * The order in which a package set is installed: Essential packages and what they depend on first
 * (mmdebstrap's first step), the rest after them, and within each part a
 * package after what it {@code Pre-Depends} and {@code Depends} on (Debian policy §7.2), so its
 * {@code preinst} meets the tools it may call. Dependency cycles (there are some among Essential
 * packages) are kept together and ordered by name; every tie is broken by name, so the order is the
 * same on every run. {@code base-files} comes first of all: it lays out the directory skeleton (and,
 * in merged-{@code /usr} releases, the {@code bin → usr/bin} links) that every other package lands in.
 */
public final class InstallOrder {

    /** The package that lays out the file system skeleton. */
    public static final String SKELETON_PACKAGE = "base-files";

    private InstallOrder() {
    }

    /** The packages in install order. */
    public static List<BinaryPackage> of(Collection<BinaryPackage> packages) {
        Map<String, BinaryPackage> byName = new TreeMap<>();
        Map<String, List<BinaryPackage>> providers = new HashMap<>();
        for (BinaryPackage p : packages) {
            byName.put(p.name(), p);
            for (PackageRelation provided : p.provides()) {
                providers.computeIfAbsent(provided.name(), k -> new ArrayList<>()).add(p);
            }
        }
        java.util.Set<String> first = essentialClosure(byName, providers);
        List<BinaryPackage> essential = new ArrayList<>();
        List<BinaryPackage> rest = new ArrayList<>();
        for (BinaryPackage p : byName.values()) {
            (first.contains(p.name()) ? essential : rest).add(p);
        }
        List<BinaryPackage> out = new ArrayList<>();
        BinaryPackage skeleton = byName.get(SKELETON_PACKAGE);
        if (skeleton != null) {
            out.add(skeleton);
        }
        for (List<BinaryPackage> part : List.of(essential, rest)) {
            for (BinaryPackage p : topological(part, byName, providers)) {
                if (p != skeleton) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The Essential packages and everything they need, as mmdebstrap installs them in its first step. */
    private static java.util.Set<String> essentialClosure(Map<String, BinaryPackage> byName,
                                                          Map<String, List<BinaryPackage>> providers) {
        java.util.Set<String> closure = new java.util.TreeSet<>();
        Deque<BinaryPackage> todo = new ArrayDeque<>();
        for (BinaryPackage p : byName.values()) {
            if (p.essential() && closure.add(p.name())) {
                todo.add(p);
            }
        }
        while (!todo.isEmpty()) {
            BinaryPackage p = todo.poll();
            List<RelationGroup> groups = new ArrayList<>(p.preDepends());
            groups.addAll(p.depends());
            for (RelationGroup g : groups) {
                String dep = satisfier(g, byName, providers);
                if (dep != null && closure.add(dep)) {
                    todo.add(byName.get(dep));
                }
            }
        }
        return closure;
    }

    /** Tarjan's strongly connected components: each is emitted after everything it depends on. */
    private static List<BinaryPackage> topological(List<BinaryPackage> part, Map<String, BinaryPackage> byName,
                                                   Map<String, List<BinaryPackage>> providers) {
        Map<String, BinaryPackage> members = new TreeMap<>();
        part.forEach(p -> members.put(p.name(), p));
        Map<String, List<String>> edges = new HashMap<>();
        for (BinaryPackage p : members.values()) {
            List<String> deps = new ArrayList<>();
            List<RelationGroup> groups = new ArrayList<>(p.preDepends());
            groups.addAll(p.depends());
            for (RelationGroup g : groups) {
                String dep = satisfier(g, byName, providers);
                if (dep != null && members.containsKey(dep) && !dep.equals(p.name())) {
                    deps.add(dep);
                }
            }
            deps.sort(Comparator.naturalOrder());
            edges.put(p.name(), deps);
        }
        Tarjan t = new Tarjan(edges);
        for (String name : members.keySet()) {
            t.visit(name);
        }
        List<BinaryPackage> out = new ArrayList<>();
        for (List<String> component : t.components) {
            component.sort(Comparator.naturalOrder());
            component.forEach(n -> out.add(members.get(n)));
        }
        return out;
    }

    private static String satisfier(RelationGroup g, Map<String, BinaryPackage> byName,
                                    Map<String, List<BinaryPackage>> providers) {
        for (PackageRelation r : g.alternatives()) {
            BinaryPackage direct = byName.get(r.name());
            if (direct != null && r.acceptsVersion(direct.version())) {
                return direct.name();
            }
            for (BinaryPackage provider : providers.getOrDefault(r.name(), List.of())) {
                return provider.name();
            }
        }
        return null;
    }

    private static final class Tarjan {
        private final Map<String, List<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final java.util.Set<String> onStack = new java.util.HashSet<>();
        private final List<List<String>> components = new ArrayList<>();
        private int counter;

        Tarjan(Map<String, List<String>> edges) {
            this.edges = edges;
        }

        /** Iterative depth-first search, so long dependency chains cannot overflow the stack. */
        void visit(String start) {
            if (index.containsKey(start)) {
                return;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            enter(start);
            work.push(new Object[] {start, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                int next = (Integer) frame[1];
                List<String> out = edges.getOrDefault(v, List.of());
                if (next < out.size()) {
                    frame[1] = next + 1;
                    String w = out.get(next);
                    if (!index.containsKey(w)) {
                        enter(w);
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    components.add(component);
                }
            }
        }

        private void enter(String v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
        }
    }
}
