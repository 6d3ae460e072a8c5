package org.remixstudio.engine.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.remixstudio.engine.resolve.PackageUniverse.Dep;
import org.remixstudio.engine.resolve.PackageUniverse.Prv;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * apt's scored problem resolver ({@code pkgProblemResolver::ResolveInternal}, {@code MakeScores} and
 * {@code DoUpgrade} in apt 2.6's {@code apt-pkg/algorithms.cc}), which apt-get runs after marking when
 * something is left broken: packages get scores from their priority, Essential/Protected flags and
 * who depends on them; then, from the highest score down, each broken package either gets its
 * dependency installed, the conflicting package kept back or removed, or is kept back or removed
 * itself. Ported statement by statement, including the libstdc++ sort order for equal scores.
 */
final class ProblemResolver {

    private static final int PROTECTED = 1;
    private static final int PRE_INSTALLED = 2;
    private static final int UPGRADABLE = 4;
    private static final int REINSTATE_TRIED = 8;
    private static final int TO_REMOVE = 16;

    private static final int[] PRIO_MAP = {0, 3, 2, 1, -1, -2};

    private final DepCache cache;
    private final PackageUniverse u;
    private final int[] flags;
    private final int[] scores;

    /** @param userProtected packages named on the command line; @param toRemove those named for removal */
    ProblemResolver(DepCache cache, Set<Integer> userProtected, Set<Integer> toRemove) {
        this.cache = cache;
        this.u = cache.universe();
        this.flags = new int[u.size()];
        this.scores = new int[u.size()];
        for (int p : userProtected) {
            flags[p] |= PROTECTED;
        }
        for (int p : toRemove) {
            flags[p] |= TO_REMOVE;
        }
    }

    private static int depMap(int type) {
        return switch (type) {
            case PackageUniverse.DEPENDS, PackageUniverse.PRE_DEPENDS, PackageUniverse.RECOMMENDS -> 1;
            case PackageUniverse.CONFLICTS, PackageUniverse.BREAKS -> -1;
            default -> 0;
        };
    }

    private int brokenCount() {
        int n = 0;
        for (int p = 0; p < cache.install.length; p++) {
            if (cache.install[p] != null && cache.instBroken(p)) {
                n++;
            }
        }
        return n;
    }

    /** {@code Resolve(true)}; returns false when apt would report "Unable to correct problems". */
    boolean resolve() {
        int[] order = u.allInHashOrder();
        boolean again;
        do {
            again = false;
            for (int i : order) {
                if (cache.mode[i] == DepCache.INSTALL) {
                    flags[i] |= PRE_INSTALLED;
                } else {
                    if (cache.instBroken(i)) {
                        cache.markInstall(i, false, 0, false);
                        if (cache.mode[i] == DepCache.INSTALL) {
                            again = true;
                        }
                    }
                    flags[i] &= ~PRE_INSTALLED;
                }
                flags[i] |= UPGRADABLE;
            }
        } while (again);

        makeScores();
        int[] plist = order.clone();
        StdSort.sort(plist, (a, b) -> scores[a] > scores[b]);

        boolean change = true;
        int maxCounter = 20;
        for (int counter = 0; counter < maxCounter && change; ++counter) {
            change = false;
            for (int i : plist) {
                if (cache.candidate[i] != cache.install[i] && cache.current[i] != null && cache.install[i] != null
                        && (flags[i] & PRE_INSTALLED) != 0 && !cache.protect[i] && (flags[i] & REINSTATE_TRIED) == 0) {
                    int oldBreaks = brokenCount();
                    Ver oldVer = cache.install[i];
                    flags[i] &= REINSTATE_TRIED; // sic: apt clears the other flags here
                    cache.markInstall(i, false, 0, false);
                    if (cache.instBroken(i) || oldBreaks < brokenCount()) {
                        if (oldVer == null) {
                            cache.markDelete(i, 0, false);
                        } else {
                            cache.markKeep(i, false, false, 0);
                        }
                    }
                }
                if (cache.install[i] == null || !cache.instBroken(i)) {
                    continue;
                }
                change |= fixOne(i, counter);
            }
        }
        if (brokenCount() != 0) {
            return false;
        }
        for (int i = 0; i < u.size(); i++) {
            if (cache.mode[i] == DepCache.INSTALL && cache.current[i] == null && (flags[i] & PRE_INSTALLED) == 0) {
                cache.auto[i] = true;
            }
        }
        return true;
    }

    private record Kill(int pkg, Dep dep) {
    }

    /** The body of the "Investigating" loop for one broken package; returns whether something changed. */
    private boolean fixOne(int i, int counter) {
        boolean change = false;
        boolean inOr = false;
        Dep[] deps = cache.install[i].deps();
        int start = -1;
        int end = -1;
        int d = 0;
        int oldSize = 0;
        List<Kill> killList = new ArrayList<>();
        boolean orRemove = true; // OrOp: true = OrRemove, false = OrKeep
        while (d < deps.length || inOr) {
            if (start == end) {
                if (inOr && oldSize == killList.size()) {
                    if (orRemove) {
                        if (!cache.protect[i]) {
                            cache.markDelete(i, 0, false);
                            change = true;
                        }
                    } else {
                        cache.markKeep(i, false, false, 0);
                        change = true;
                    }
                }
                inOr = false;
                orRemove = true;
                if (d >= deps.length) {
                    break;
                }
                start = d;
                end = deps[d].end;
                d = end + 1;
                if (!deps[end].critical()) {
                    continue;
                }
                inOr = start != end;
                oldSize = killList.size();
            } else {
                ++start;
                if (!deps[start].critical()) {
                    continue;
                }
            }
            Dep startDep = deps[start];
            Dep endDep = deps[end];
            if (cache.groupInstallOk(endDep)) {
                inOr = false;
                continue;
            }
            List<Ver> vlist = allTargets(startDep);
            if (vlist.isEmpty() && !cache.protect[i] && !startDep.negative() && !nowBroken(i)) {
                if (inOr) {
                    continue;
                }
                change = true;
                cache.markKeep(i, false, false, 0);
                break;
            }
            boolean done = false;
            for (Ver ver : vlist) {
                int pkg = ver.pkg;
                if (cache.install[pkg] != ver && startDep.negative()) {
                    continue;
                }
                if (scores[i] <= scores[pkg] || (!nowBit(startDep) && !endDep.negative())) {
                    if (cache.protect[i]) {
                        if (doUpgrade(pkg)) {
                            if (scores[pkg] > scores[i]) {
                                scores[pkg] = scores[i];
                            }
                            break;
                        }
                        continue;
                    }
                    boolean installed = cache.mode[i] == DepCache.INSTALL;
                    cache.markKeep(i, false, false, 0);
                    if (!cache.instBroken(i)) {
                        if (orRemove) {
                            orRemove = false;
                        }
                        if (inOr && installed) {
                            cache.markInstall(i, false, 0, false);
                        }
                    } else {
                        if (!doUpgrade(i)) {
                            int target = startDep.target;
                            if (!inOr) {
                                cache.markDelete(i, 0, false);
                                if (counter > 1 && scores[pkg] > scores[i]) {
                                    scores[i] = scores[pkg];
                                }
                            } else if (cache.current[target] == null && cache.mode[target] != DepCache.DELETE
                                    && (flags[target] & TO_REMOVE) != TO_REMOVE && cache.candidate[target] != null) {
                                int oldBroken = brokenCount();
                                cache.markInstall(target, true, 1, false);
                                if (cache.instBroken(target) || brokenCount() > oldBroken) {
                                    cache.markDelete(target, 1, false);
                                }
                            }
                        }
                    }
                    change = true;
                    done = true;
                    break;
                } else {
                    if (startDep.type == PackageUniverse.BREAKS && groupCandOk(endDep)) {
                        cache.markInstall(pkg, false, 0, false);
                        continue;
                    }
                    if (cache.protect[pkg] && cache.mode[pkg] != DepCache.DELETE) {
                        continue;
                    }
                    killList.add(new Kill(pkg, endDep));
                    if (!startDep.negative()) {
                        break;
                    }
                }
            }
            if (vlist.isEmpty() && !startDep.negative() && !cache.protect[i]) {
                boolean installed = cache.mode[i] == DepCache.INSTALL;
                cache.markKeep(i, false, true, 0);
                if (!cache.instBroken(i)) {
                    if (orRemove) {
                        orRemove = false;
                    }
                    if (inOr && installed) {
                        cache.markInstall(i, false, 0, false);
                    }
                } else if (!inOr) {
                    cache.markDelete(i, 0, false);
                }
                change = true;
                done = true;
            }
            if (inOr) {
                continue;
            }
            if (done) {
                break;
            }
        }
        if (cache.install[i] != null) {
            for (Kill k : killList) {
                boolean found = false;
                if (!groupNowOk(k.dep())) {
                    if (k.dep().negative() && cache.markDelete(k.pkg(), 0, false)) {
                        found = true;
                    }
                } else if (cache.markKeep(k.pkg(), false, false, 0)) {
                    found = true;
                }
                if (!found || counter > 1) {
                    if (scores[i] > scores[k.pkg()]) {
                        scores[k.pkg()] = scores[i];
                        change = true;
                    }
                }
                if (found) {
                    change = true;
                }
            }
        }
        return change;
    }

    /** {@code DoUpgrade}: try to install a package's candidate and fix its critical dependencies likewise. */
    private boolean doUpgrade(int pkg) {
        boolean upgradable = cache.candidate[pkg] != null
                && (cache.current[pkg] == null || cache.candidate[pkg].version().compareTo(cache.current[pkg].version()) > 0);
        if ((flags[pkg] & UPGRADABLE) == 0 || !upgradable) {
            return false;
        }
        if ((flags[pkg] & PROTECTED) == PROTECTED) {
            return false;
        }
        flags[pkg] &= ~UPGRADABLE;
        boolean wasKept = cache.mode[pkg] == DepCache.KEEP;
        if (!cache.markInstall(pkg, false, 0, false)) {
            return false;
        }
        if (cache.install[pkg] == null) {
            return false;
        }
        boolean fail = false;
        Dep[] deps = cache.install[pkg].deps();
        for (int g = 0; g < deps.length; g = deps[g].end + 1) {
            Dep endDep = deps[deps[g].end];
            if (!endDep.critical()) {
                continue;
            }
            for (int s = g; ; s++) {
                if (cache.groupInstallOk(endDep)) {
                    break;
                }
                Dep startDep = deps[s];
                int p = smartTarget(startDep);
                if (cache.protect[p]) {
                    fail = true;
                } else if (startDep.negative() != cache.cachedCandidateSatisfies(startDep)) {
                    if (!doUpgrade(p)) {
                        fail = true;
                    } else {
                        fail = false;
                        break;
                    }
                } else {
                    if (startDep.negative()) {
                        break;
                    }
                    fail = true;
                }
                if (s == endDep.end) {
                    break;
                }
            }
            if (fail) {
                break;
            }
        }
        if (fail) {
            if (wasKept) {
                cache.markKeep(pkg, false, false, 0);
            } else {
                cache.markDelete(pkg, 0, false);
            }
            return false;
        }
        return true;
    }

    /** {@code DepIterator::SmartTargetPkg}: the target, or the first foreign provider of a purely virtual one. */
    private int smartTarget(Dep d) {
        int t = d.target;
        Prv[] prv = u.providers(t);
        if (prv.length == 0 || u.versions(t).length != 0) {
            return t;
        }
        for (int k = prv.length - 1; k >= 0; k--) { // apt's ProvidesList runs newest first
            if (prv[k].owner().pkg != d.parent.pkg) {
                return prv[k].owner().pkg;
            }
        }
        return t;
    }

    /** {@code DepIterator::AllTargets}: every version (not just candidates) that satisfies the alternative. */
    private List<Ver> allTargets(Dep d) {
        List<Ver> out = new ArrayList<>();
        int t = d.target;
        if (!(d.negative() && d.parent.pkg == t)) {
            for (Ver v : u.versions(t)) {
                if (d.accepts(v.version())) {
                    out.add(v);
                }
            }
        }
        Prv[] prv = u.providers(t);
        for (int k = prv.length - 1; k >= 0; k--) {
            if (d.negative() && prv[k].owner().pkg == d.parent.pkg) {
                continue;
            }
            if (d.accepts(prv[k].version())) {
                out.add(prv[k].owner());
            }
        }
        return out;
    }

    private boolean checkNow(Dep d) {
        return satisfiedBy(d, cache.current);
    }

    private boolean satisfiedBy(Dep d, Ver[] state) {
        int t = d.target;
        if (!(d.negative() && d.parent.pkg == t) && state[t] != null && d.accepts(state[t].version())) {
            return true;
        }
        for (Prv p : u.providers(t)) {
            if (d.negative() && p.owner().pkg == d.parent.pkg) {
                continue;
            }
            if (state[p.owner().pkg] == p.owner() && d.accepts(p.version())) {
                return true;
            }
        }
        return false;
    }

    /** {@code Cache[Dep] & DepNow}: negative dependencies are stored inverted. */
    private boolean nowBit(Dep d) {
        return d.negative() != checkNow(d);
    }

    private boolean groupNowOk(Dep end) {
        Dep[] deps = end.parent.deps();
        for (int k = end.start; k <= end.end; k++) {
            if (nowBit(deps[k])) {
                return true;
            }
        }
        return false;
    }

    private boolean groupCandOk(Dep end) {
        Dep[] deps = end.parent.deps();
        for (int k = end.start; k <= end.end; k++) {
            if (deps[k].negative() != cache.cachedCandidateSatisfies(deps[k])) {
                return true;
            }
        }
        return false;
    }

    /** {@code StateCache::NowBroken}: a critical group of the installed version is unmet now. */
    private boolean nowBroken(int pkg) {
        Ver v = cache.current[pkg];
        if (v == null) {
            return false;
        }
        for (int g = 0; g < v.deps().length; g = v.deps()[g].end + 1) {
            Dep d = v.deps()[g];
            if (d.critical() && !groupNowOk(v.deps()[d.end])) {
                return true;
            }
        }
        return false;
    }

    private void makeScores() {
        int n = u.size();
        Arrays.fill(scores, 0);
        for (int i = 0; i < n; i++) {
            Ver inst = cache.install[i];
            if (inst == null) {
                continue;
            }
            if (u.essential(i) || u.important(i)) {
                scores[i] += 100;
            }
            scores[i] += inst.priority <= 5 ? PRIO_MAP[inst.priority] : PRIO_MAP[5];
            if (cache.current[i] != null && cache.candidate[i] != null) {
                scores[i] += 1;
            }
            for (Dep d : inst.deps()) {
                int w = depMap(d.type);
                if (w == 0) {
                    continue;
                }
                int t = d.target;
                if (!(d.negative() && d.parent.pkg == t)) {
                    if (d.version != null) {
                        Ver iv = cache.install[t];
                        if (iv == null || !d.accepts(iv.version())) {
                            continue;
                        }
                    }
                    scores[t] += w;
                }
                int[] providers = new int[u.providers(t).length];
                int count = 0;
                for (Prv p : u.providers(t)) {
                    if (d.negative() && p.owner().pkg == d.parent.pkg) {
                        continue;
                    }
                    if (p.owner() != cache.install[p.owner().pkg] || !d.accepts(p.version())) {
                        continue;
                    }
                    providers[count++] = p.owner().pkg;
                }
                addOncePerPackage(providers, count, w);
            }
        }
        int[] old = scores.clone();
        for (int i = 0; i < n; i++) {
            if (cache.install[i] == null) {
                continue;
            }
            for (Dep d : u.reverseDepends(i)) {
                int pp = d.parent.pkg;
                if (d.parent != cache.install[pp] || (d.type != PackageUniverse.DEPENDS
                        && d.type != PackageUniverse.PRE_DEPENDS && d.type != PackageUniverse.RECOMMENDS)) {
                    continue;
                }
                if (old[pp] > 0) {
                    scores[i] += old[pp];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int transfer = Math.abs(scores[i] - old[i]);
            if (transfer == 0) {
                continue;
            }
            Prv[] prv = u.providers(i);
            int[] providers = new int[prv.length];
            int count = 0;
            for (Prv p : prv) {
                if (p.implicit() || p.owner() != cache.install[p.owner().pkg]) {
                    continue;
                }
                providers[count++] = p.owner().pkg;
            }
            addOncePerPackage(providers, count, transfer);
        }
        for (int i = 0; i < n; i++) {
            if ((flags[i] & PROTECTED) != 0) {
                scores[i] += 10000;
            }
            if (u.essential(i) || u.important(i)) {
                scores[i] += 5000;
            }
        }
    }

    private void addOncePerPackage(int[] pkgs, int count, int amount) {
        Arrays.sort(pkgs, 0, count);
        for (int k = 0; k < count; k++) {
            if (k == 0 || pkgs[k] != pkgs[k - 1]) {
                scores[pkgs[k]] += amount;
            }
        }
    }
}
