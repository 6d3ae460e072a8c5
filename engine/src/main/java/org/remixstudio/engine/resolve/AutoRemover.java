package org.remixstudio.engine.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.resolve.PackageUniverse.Dep;
import org.remixstudio.engine.resolve.PackageUniverse.Prv;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * apt-get's last step before it prints its plan ({@code DoAutomaticRemove} in
 * {@code apt-private/private-install.cc}): mark everything reachable from the root set
 * ({@code pkgDepCache::MarkRequired}/{@code MarkPackage}: manual, Essential, Protected and
 * Priority: required installed packages, following Depends, Pre-Depends, Recommends and Suggests as
 * {@code APT::AutoRemove::RecommendsImportant} and {@code SuggestsImportant} default to), then drop
 * new installs nothing reaches: a dependency that was marked while trying a choice that later failed.
 */
final class AutoRemover {

    private final DepCache cache;
    private final PackageUniverse u;
    private boolean[] marked;
    private boolean[] fullyExplored;

    AutoRemover(DepCache cache) {
        this.cache = cache;
        this.u = cache.universe();
    }

    /** Un-marks new installs that are garbage; returns them. */
    List<Integer> removeGarbageNewInstalls() {
        markRequired();
        List<Integer> tooMuch = new ArrayList<>();
        int n = u.size();
        for (int p = 0; p < n; p++) {
            if (isGarbage(p) && cache.mode[p] == DepCache.INSTALL && cache.current[p] == null) {
                tooMuch.add(p);
                cache.markDelete(p, 0, false);
            }
        }
        if (!tooMuch.isEmpty()) {
            restoreNeeded(tooMuch);
        }
        return tooMuch;
    }

    private boolean isGarbage(int p) {
        Ver cur = cache.current[p];
        if (cur != null && cur.priority == 1) {
            return false;
        }
        return !marked[p] && (cur != null || cache.mode[p] == DepCache.INSTALL);
    }

    private boolean boring(int p) {
        return cache.current[p] == null ? cache.mode[p] == DepCache.KEEP : cache.mode[p] == DepCache.DELETE;
    }

    private void markRequired() {
        int n = u.size();
        marked = new boolean[n];
        fullyExplored = new boolean[n];
        for (int p = 0; p < n; p++) {
            if (marked[p] || boring(p)) {
                continue;
            }
            Ver cur = cache.current[p];
            boolean root = !cache.auto[p] || u.essential(p) || u.important(p)
                    || (cur != null && cur.priority == 1) || !cache.garbageChangeOk(p);
            if (!root) {
                continue;
            }
            markPackage(p, cache.mode[p] == DepCache.INSTALL ? cache.install[p] : cur);
        }
    }

    private Ver interesting(int p) {
        return cache.mode[p] == DepCache.INSTALL ? cache.install[p] : cache.current[p];
    }

    private void markPackage(int pkg, Ver ver) {
        if (ver == null || marked[pkg]) {
            return;
        }
        if (boring(pkg)) {
            fullyExplored[pkg] = true;
            return;
        }
        marked[pkg] = true;
        for (Dep d : ver.deps()) {
            int t = d.target;
            if (fullyExplored[t]) {
                continue;
            }
            if (d.type != PackageUniverse.DEPENDS && d.type != PackageUniverse.PRE_DEPENDS
                    && d.type != PackageUniverse.RECOMMENDS && d.type != PackageUniverse.SUGGESTS) {
                continue;
            }
            boolean unsatisfiedChoice = false;
            Map<String, List<Ver>> bySource = new LinkedHashMap<>();
            if (!boring(t)) {
                Ver tv = interesting(t);
                if (tv != null) {
                    if (!d.accepts(tv.version())) {
                        unsatisfiedChoice = true;
                    } else {
                        bySource.computeIfAbsent(tv.bp.source(), k -> new ArrayList<>(1)).add(tv);
                    }
                }
            }
            if (bySource.isEmpty() && !unsatisfiedChoice) {
                marked[t] = true;
            }
            for (Prv prv : u.providers(t)) {
                int pp = prv.owner().pkg;
                if (boring(pp)) {
                    continue;
                }
                Ver pv = interesting(pp);
                if (pv == null || pv != prv.owner()) {
                    continue;
                }
                if (!d.accepts(prv.version())) {
                    unsatisfiedChoice = true;
                } else {
                    bySource.computeIfAbsent(pv.bp.source(), k -> new ArrayList<>(1)).add(pv);
                }
            }
            // only the binaries of the highest source version are followed
            for (List<Ver> providers : bySource.values()) {
                Ver highest = providers.get(0);
                for (Ver v : providers) {
                    if (v.bp.sourceVersion().compareTo(highest.bp.sourceVersion()) > 0) {
                        highest = v;
                    }
                }
                String hv = highest.bp.sourceVersion().toString();
                providers.removeIf(v -> !v.bp.sourceVersion().toString().equals(hv));
            }
            if (!unsatisfiedChoice) {
                fullyExplored[t] = true;
            }
            for (List<Ver> providers : bySource.values()) {
                for (Ver pv : providers) {
                    markPackage(pv.pkg, pv);
                }
            }
        }
    }

    /** "we could have removed a new dependency of a garbage package": reinstate what others still need. */
    private void restoreNeeded(List<Integer> tooMuch) {
        boolean changed;
        do {
            changed = false;
            outer:
            for (int idx = 0; idx < tooMuch.size(); idx++) {
                int p = tooMuch.get(idx);
                int n = u.size();
                for (int rp = 0; rp < n; rp++) {
                    Ver rv = cache.mode[rp] == DepCache.INSTALL && cache.current[rp] == null ? cache.install[rp]
                            : (cache.mode[rp] == DepCache.KEEP ? cache.current[rp] : null);
                    if (rv == null) {
                        continue;
                    }
                    for (Dep d : rv.deps()) {
                        if (d.negative() || !cache.isImportantDep(d) || cache.groupInstallOk(d)) {
                            continue;
                        }
                        if (d.target == p || providedBy(d.target, p)) {
                            cache.markInstall(p, false, 0, false);
                            tooMuch.remove(idx);
                            changed = true;
                            break outer;
                        }
                    }
                }
            }
        } while (changed);
    }

    private boolean providedBy(int target, int p) {
        Ver cand = cache.candidate[p];
        for (Prv prv : u.providers(target)) {
            if (prv.owner() == cand) {
                return true;
            }
        }
        return false;
    }
}
