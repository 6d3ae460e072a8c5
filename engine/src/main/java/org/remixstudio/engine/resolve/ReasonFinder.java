package org.remixstudio.engine.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.remixstudio.engine.resolve.PackageUniverse.Dep;
import org.remixstudio.engine.resolve.PackageUniverse.Prv;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * Turns the final apt state into a {@link Resolution}: the packages to install, sorted by name, each
 * with why it is there. A dependency's reason is the relation that marked it, when that package
 * stayed; otherwise (its first puller failed and was dropped) any relation of an installed package
 * it satisfies, critical ones first.
 */
final class ReasonFinder {

    private final PackageUniverse u;
    private final DepCache cache;
    private final DepCache essentialRun;
    private final Set<Integer> essentialRequests;
    private final Set<Integer> baseRequests;
    private final Set<Integer> userRequests;
    private final BaseVariant variant;

    ReasonFinder(PackageUniverse u, DepCache cache, DepCache essentialRun, Set<Integer> essentialRequests,
            Set<Integer> baseRequests, Set<Integer> userRequests, BaseVariant variant) {
        this.u = u;
        this.cache = cache;
        this.essentialRun = essentialRun;
        this.essentialRequests = essentialRequests;
        this.baseRequests = baseRequests;
        this.userRequests = userRequests;
        this.variant = variant;
    }

    /** The version the package ends with, or null when it is not in the final set. */
    private Ver finalVersion(int p) {
        if (cache.mode[p] == DepCache.INSTALL) {
            return cache.install[p];
        }
        if (cache.mode[p] == DepCache.KEEP) {
            return cache.current[p];
        }
        return null;
    }

    Resolution resolution(List<RemovedPackage> removed) {
        List<Integer> members = new ArrayList<>();
        int n = u.size();
        for (int p = 0; p < n; p++) {
            if (finalVersion(p) != null) {
                members.add(p);
            }
        }
        members.sort(Comparator.comparing(u::name));
        List<ResolvedPackage> out = new ArrayList<>(members.size());
        for (int p : members) {
            out.add(new ResolvedPackage(finalVersion(p).bp, reasonFor(p, members)));
        }
        return new Resolution(out, removed);
    }

    private Reason reasonFor(int p, List<Integer> members) {
        if (userRequests.contains(p)) {
            return Reason.requested();
        }
        if (essentialRequests.contains(p)) {
            return Reason.base("Essential: yes");
        }
        if (baseRequests.contains(p)) {
            return Reason.base("Priority: " + finalVersion(p).bp.priority().label() + ", variant " + variant.label());
        }
        Dep d = cache.current[p] != null && essentialRun != null ? essentialRun.reason[p] : cache.reason[p];
        if (d != null && finalVersion(d.parent.pkg) == d.parent) {
            return Reason.dependency(u.name(d.parent.pkg), d.text());
        }
        Reason fallback = searchPuller(p, members, true);
        if (fallback == null) {
            fallback = searchPuller(p, members, false);
        }
        return fallback != null ? fallback : Reason.dependency("(nothing)", "kept by apt");
    }

    private Reason searchPuller(int p, List<Integer> members, boolean criticalOnly) {
        Ver mine = finalVersion(p);
        for (int q : members) {
            Ver v = finalVersion(q);
            for (Dep d : v.deps()) {
                if (d.negative() || (criticalOnly ? !d.critical() : d.type != PackageUniverse.RECOMMENDS)) {
                    continue;
                }
                if (satisfies(d, mine)) {
                    Dep start = v.deps()[d.start];
                    return Reason.dependency(u.name(q), start.text());
                }
            }
        }
        return null;
    }

    private boolean satisfies(Dep d, Ver v) {
        if (d.target == v.pkg && d.accepts(v.version())) {
            return true;
        }
        for (Prv p : u.providers(d.target)) {
            if (p.owner() == v && d.accepts(p.version())) {
                return true;
            }
        }
        return false;
    }
}
