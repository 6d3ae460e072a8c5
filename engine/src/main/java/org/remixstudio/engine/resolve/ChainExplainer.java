package org.remixstudio.engine.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.resolve.DependencyChain.Link;
import org.remixstudio.engine.resolve.PackageUniverse.Dep;
import org.remixstudio.engine.resolve.PackageUniverse.Prv;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * Explains, after an apt run, why a package could not be installed: follows the first unmet
 * critical relation down through the first alternative that has a version, the way apt's
 * "unmet dependencies" report reads ({@code foo : Depends: bar but it is not installable}).
 */
final class ChainExplainer {

    private final DepCache cache;
    private final PackageUniverse u;
    private final Set<Integer> removed;

    ChainExplainer(DepCache cache, Set<Integer> removed) {
        this.cache = cache;
        this.u = cache.universe();
        this.removed = removed;
    }

    /** The chain from {@code pkg} (installed or not) to the relation that breaks. */
    DependencyChain explain(int pkg) {
        List<Link> links = new ArrayList<>();
        Set<Integer> visited = new HashSet<>();
        // apt reports the deepest protected package that broke; lead up to it from what was asked for
        for (int x = pkg; cache.reason[x] != null && visited.add(x); x = cache.reason[x].parent.pkg) {
            Dep r = cache.reason[x];
            links.add(0, new Link(u.name(r.parent.pkg), r.text()));
        }
        visited.clear();
        int cur = pkg;
        Ver v = cache.install[pkg] != null ? cache.install[pkg] : u.candidate(pkg);
        while (true) {
            visited.add(cur);
            if (removed.contains(cur)) {
                return new DependencyChain(links, u.name(cur) + " is to be removed");
            }
            Dep g = unmetGroup(v);
            if (g == null) {
                return new DependencyChain(links, "it is not going to be installed");
            }
            links.add(new Link(u.name(cur), g.text()));
            Dep[] deps = v.deps();
            if (g.negative()) {
                return new DependencyChain(links, u.name(g.target) + " is to be installed");
            }
            Ver next = null;
            String problem = null;
            for (int k = g.start; k <= g.end && next == null; k++) {
                Dep d = deps[k];
                Ver sat = satisfying(d);
                if (sat != null) {
                    next = sat;
                } else if (problem == null) {
                    problem = whyNothing(d);
                }
            }
            if (next == null) {
                return new DependencyChain(links, problem);
            }
            if (removed.contains(next.pkg)) {
                return new DependencyChain(links, u.name(next.pkg) + " is to be removed");
            }
            if (!visited.add(next.pkg)) {
                return new DependencyChain(links, "it is not going to be installed");
            }
            cur = next.pkg;
            v = next;
        }
    }

    private Dep unmetGroup(Ver v) {
        Dep[] deps = v.deps();
        for (int i = 0; i < deps.length; i = deps[i].end + 1) {
            Dep d = deps[i];
            if (!d.critical()) {
                continue;
            }
            if (d.negative()) {
                if (cache.install[v.pkg] == v && !cache.groupInstallOk(d)) {
                    return d;
                }
                continue;
            }
            if (!cache.groupInstallOk(d)) {
                return d;
            }
        }
        return null;
    }

    /** A version that would satisfy the alternative, preferring the highest of the real package. */
    private Ver satisfying(Dep d) {
        for (Ver rv : u.versions(d.target)) {
            if (d.accepts(rv.version())) {
                return rv;
            }
        }
        for (Prv p : u.providers(d.target)) {
            if (d.accepts(p.version()) && p.owner() == u.candidate(p.owner().pkg)) {
                return p.owner();
            }
        }
        return null;
    }

    private String whyNothing(Dep d) {
        String name = u.name(d.target);
        Ver[] vs = u.versions(d.target);
        if (vs.length > 0) {
            return "only " + name + " " + vs[0].version() + " is available, not "
                    + new PackageRelation(name, null, d.op, d.version);
        }
        if (u.providers(d.target).length > 0) {
            return "no provider of " + name + " has a matching version";
        }
        return name + " is not installable (no package has that name or provides it)";
    }
}
