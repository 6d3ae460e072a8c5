package org.remixstudio.engine.resolve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.resolve.PackageUniverse.Dep;
import org.remixstudio.engine.resolve.PackageUniverse.Prv;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * The marking state of one apt run, ported from apt 2.6's {@code apt-pkg/depcache.cc}: for every
 * package its current (installed), candidate and to-be-installed version, its mode (keep, install,
 * delete) and the auto and protected flags, and the operations {@code MarkInstall},
 * {@code MarkKeep} and {@code MarkDelete} with their helpers, kept in apt's order and under apt's
 * names so they can be checked against the C++ side by side. Where apt caches dependency states
 * incrementally, this class evaluates them on demand, which gives the same answers. Mutable and
 * confined to one resolution.
 */
final class DepCache {

    static final byte KEEP = 0;
    static final byte INSTALL = 1;
    static final byte DELETE = 2;

    private static final int NOW = 0;
    private static final int INST = 1;
    private static final int CAND = 2;

    /** Which versions {@code getAllPossibleSolutions} looks at (apt's {@code CacheSetHelper::VerSelector}). */
    enum Selector { CANDIDATE, INSTALLED, CANDANDINST }

    private final PackageUniverse u;
    private final boolean installRecommends;
    final Ver[] current;
    final Ver[] candidate;
    final Ver[] install;
    final byte[] mode;
    final boolean[] auto;
    final boolean[] protect;
    /** The dependency through which a package was first marked for installation, for its reason. */
    final Dep[] reason;

    /*
     * apt keeps each dependency's "satisfiable by candidates" bit (DepCVer) in a cache that
     * pkgDepCache::Update(Pkg) refreshes for the dependencies naming Pkg, or a name Pkg's current or
     * candidate version provides. Two places change a candidate without that refresh
     * (MarkInstall_DiscardCandidate, and IsInstallOkDependenciesSatisfiableByCandidates forgetting
     * one), so apt goes on seeing the old candidate through those bits until the next refresh; its
     * choices depend on that. We record when each package was last refreshed and what each silent
     * change replaced, and evaluate the bit as of the dependency's last refresh.
     */
    private long clock;
    /** Whether some installed package's candidate differs from it: only then can other binaries need an upgrade. */
    private boolean installedOffCandidate;
    private final long[] refreshedAt;
    private final Ver[] candidateAtRefresh;
    private final java.util.Map<Integer, List<Object[]>> silentChanges = new java.util.HashMap<>();

    DepCache(PackageUniverse u, boolean installRecommends, Ver[] installed) {
        this.u = u;
        this.installRecommends = installRecommends;
        int n = u.size();
        current = installed == null ? new Ver[n] : Arrays.copyOf(installed, n);
        candidate = u.candidates();
        for (int i = 0; installed != null && i < n; i++) {
            if (installed[i] != null && installed[i] != candidate[i]) {
                installedOffCandidate = true;
            }
        }
        install = Arrays.copyOf(current, n);
        mode = new byte[n];
        auto = new boolean[n];
        protect = new boolean[n];
        reason = new Dep[n];
        refreshedAt = new long[n];
        candidateAtRefresh = Arrays.copyOf(candidate, n);
    }

    /** {@code pkgDepCache::Update(Pkg)}: the cached dependency bits around the package are refreshed. */
    private void refresh(int pkg) {
        if (current[pkg] != null && candidate[pkg] != current[pkg]) {
            installedOffCandidate = true;
        }
        refreshedAt[pkg] = ++clock;
        candidateAtRefresh[pkg] = candidate[pkg];
    }

    /** A candidate change apt makes without refreshing the cached dependency bits. */
    private void silentCandidate(int pkg, Ver newCandidate) {
        if (candidate[pkg] == newCandidate) {
            return;
        }
        silentChanges.computeIfAbsent(pkg, k -> new ArrayList<>(1)).add(new Object[] {++clock, candidate[pkg]});
        candidate[pkg] = newCandidate;
        if (current[pkg] != null && newCandidate != current[pkg]) {
            installedOffCandidate = true;
        }
    }

    private Ver candidateAt(int pkg, long time) {
        List<Object[]> changes = silentChanges.get(pkg);
        if (changes != null) {
            for (Object[] c : changes) {
                if ((Long) c[0] > time) {
                    return (Ver) c[1];
                }
            }
        }
        return candidate[pkg];
    }

    /** apt's cached {@code DepCVer} bit of one alternative (not inverted for negative dependencies). */
    boolean cachedCandidateSatisfies(Dep d) {
        int t = d.target;
        Prv[] prvs = u.providers(t);
        long time = refreshedAt[t];
        for (Prv p : prvs) {
            int z = p.owner().pkg;
            if (refreshedAt[z] > time && (candidateAtRefresh[z] == p.owner() || current[z] == p.owner())) {
                time = refreshedAt[z];
            }
        }
        boolean negative = d.negative();
        if (!(negative && d.parent.pkg == t)) {
            Ver v = candidateAt(t, time);
            if (v != null && d.accepts(v.version())) {
                return true;
            }
        }
        for (Prv p : prvs) {
            if (negative && p.owner().pkg == d.parent.pkg) {
                continue;
            }
            if (candidateAt(p.owner().pkg, time) == p.owner() && d.accepts(p.version())) {
                return true;
            }
        }
        return false;
    }

    PackageUniverse universe() {
        return u;
    }

    // ---------------------------------------------------------------- dependency states

    /** {@code pkgDepCache::CheckDep} against the now, install or candidate versions. */
    private boolean checkDep(Dep d, int type) {
        Ver[] state = type == NOW ? current : type == INST ? install : candidate;
        int t = d.target;
        boolean negative = d.negative();
        if (!(negative && d.parent.pkg == t)) {
            Ver v = state[t];
            if (v != null && d.accepts(v.version())) {
                return true;
            }
        }
        for (Prv p : u.providers(t)) {
            if (negative && p.owner().pkg == d.parent.pkg) {
                continue; // a conflict never applies to the package's own provides (IsIgnorable)
            }
            if (state[p.owner().pkg] != p.owner()) {
                continue;
            }
            if (d.accepts(p.version())) {
                return true;
            }
        }
        return false;
    }

    /** apt's {@code Cache[Dep] & DepInstall}: negative dependencies are stored inverted. */
    boolean installOk(Dep d) {
        return d.negative() != checkDep(d, INST);
    }

    /** Whether a dependency's or-group (given by any member) is met by the install state. */
    boolean groupInstallOk(Dep d) {
        Dep[] deps = d.parent.deps();
        for (int i = d.start; i <= d.end; i++) {
            if (installOk(deps[i])) {
                return true;
            }
        }
        return false;
    }

    private boolean groupNowOk(Dep d) {
        Dep[] deps = d.parent.deps();
        for (int i = d.start; i <= d.end; i++) {
            if (deps[i].negative() != checkDep(deps[i], NOW)) {
                return true;
            }
        }
        return false;
    }

    boolean isImportantDep(Dep d) {
        if (d.critical()) {
            return true;
        }
        return d.type == PackageUniverse.RECOMMENDS && installRecommends;
    }

    /** {@code StateCache::InstBroken}: a critical or-group of the version to install is unmet. */
    boolean instBroken(int pkg) {
        return firstBrokenGroup(pkg, false) != null;
    }

    /** {@code StateCache::InstPolicyBroken}: as {@link #instBroken}, or an important (Recommends) group is unmet. */
    boolean instPolicyBroken(int pkg) {
        return firstBrokenGroup(pkg, true) != null;
    }

    /** The first unmet group of the version to install (critical, or also important ones), or null. */
    Dep firstBrokenGroup(int pkg, boolean policy) {
        Ver v = install[pkg];
        if (v == null) {
            return null;
        }
        Dep[] deps = v.deps();
        for (int i = 0; i < deps.length; i = deps[i].end + 1) {
            Dep d = deps[i];
            boolean relevant = d.critical() || (policy && isImportantDep(d));
            if (relevant && !groupInstallOk(d)) {
                return d;
            }
        }
        return null;
    }

    /** apt's {@code StateCache::Status}: 2 new install, 0 unchanged, 1 upgrade, -1 downgrade. */
    private int status(int pkg) {
        if (current[pkg] == null) {
            return 2;
        }
        if (candidate[pkg] == null || candidate[pkg] == current[pkg]) {
            return 0;
        }
        return candidate[pkg].version().compareTo(current[pkg].version()) > 0 ? 1 : -1;
    }

    // ---------------------------------------------------------------- solutions

    /** {@code VersionContainerInterface::FromDependency} for one alternative. */
    private List<Ver> fromDependency(Dep d, Selector selector, List<Ver> out) {
        if (selector == Selector.CANDANDINST) {
            fromDependency(d, Selector.CANDIDATE, out);
            fromDependency(d, Selector.INSTALLED, out);
            return out;
        }
        Ver[] state = selector == Selector.CANDIDATE ? candidate : current;
        if (selector == Selector.CANDIDATE && !checkDep(d, CAND)) {
            return out;
        }
        int t = d.target;
        boolean negative = d.negative();
        Ver tv = state[t];
        if (tv != null && !(negative && d.parent.pkg == t) && d.accepts(tv.version())) {
            out.add(tv);
        }
        for (Prv p : u.providers(t)) {
            if (negative && p.owner().pkg == d.parent.pkg) {
                continue;
            }
            Ver ov = state[p.owner().pkg];
            if (p.owner() == ov && d.accepts(p.version())) {
                out.add(ov);
            }
        }
        return out;
    }

    /** {@code getAllPossibleSolutions}: the versions that could satisfy an or-group, best first. */
    List<Ver> getAllPossibleSolutions(Dep group, Selector selector, boolean sorted) {
        Dep[] deps = group.parent.deps();
        List<Ver> toUpgrade = new ArrayList<>(4);
        List<Ver> toNewInstall = new ArrayList<>(4);
        for (int i = group.start; i <= group.end; i++) {
            Dep d = deps[i];
            List<Ver> verlist = fromDependency(d, selector, new ArrayList<>(4));
            if (!sorted) {
                toUpgrade.addAll(verlist);
                continue;
            }
            verlist.sort(new ProviderOrder(this, d.target));
            for (Ver v : verlist) {
                if (current[v.pkg] != null) {
                    toUpgrade.add(v);
                } else {
                    toNewInstall.add(v);
                }
            }
        }
        if (toUpgrade.isEmpty()) {
            toUpgrade = toNewInstall;
        } else {
            toUpgrade.addAll(toNewInstall);
        }
        List<Ver> result = new ArrayList<>(toUpgrade.size());
        if (!sorted) {
            // apt sorts by version ID and drops duplicates; only the count is used on this path.
            for (Ver v : toUpgrade) {
                if (!result.contains(v)) {
                    result.add(v);
                }
            }
        } else {
            for (Ver v : toUpgrade) {
                if (result.isEmpty() || result.get(result.size() - 1) != v) {
                    result.add(v); // std::unique: adjacent duplicates only
                }
            }
        }
        if (!deps[group.end].negative()) {
            result.removeIf(v -> protect[v.pkg]
                    && (mode[v.pkg] == DELETE || (mode[v.pkg] == KEEP && current[v.pkg] == null)));
        }
        return result;
    }

    // ---------------------------------------------------------------- mode changes

    /** {@code IsModeChangeOk}: the user is always right; otherwise protected, Essential and Protected packages stay. */
    private boolean isModeChangeOk(byte newMode, int pkg, int depth, boolean fromUser) {
        if (depth > 3000) {
            return false;
        }
        if (u.versions(pkg).length == 0) {
            return false;
        }
        if (fromUser) {
            return true;
        }
        if (mode[pkg] == newMode) {
            return true;
        }
        if (protect[pkg]) {
            return false;
        }
        if (newMode == DELETE && (u.essential(pkg) || u.important(pkg))) {
            return false;
        }
        return true;
    }

    /** {@code IsModeChangeOk(ModeGarbage, …)} as {@code MarkRequired} asks it. */
    boolean garbageChangeOk(int pkg) {
        return u.versions(pkg).length != 0 && !protect[pkg];
    }

    boolean markKeep(int pkg, boolean soft, boolean fromUser, int depth) {
        if (!isModeChangeOk(KEEP, pkg, depth, fromUser)) {
            return false;
        }
        if (mode[pkg] == KEEP) {
            return true;
        }
        mode[pkg] = KEEP;
        install[pkg] = current[pkg];
        refresh(pkg);
        return true;
    }

    boolean markDelete(int pkg, int depth, boolean fromUser) {
        if (!isModeChangeOk(DELETE, pkg, depth, fromUser)) {
            return false;
        }
        if (mode[pkg] == DELETE || install[pkg] == null) {
            return true;
        }
        if (!isDeleteOk(pkg, fromUser)) {
            return false;
        }
        mode[pkg] = current[pkg] == null ? KEEP : DELETE;
        install[pkg] = null;
        refresh(pkg);
        return true;
    }

    /** {@code IsDeleteOkProtectInstallRequests}: the solver may not drop a manual install request. */
    private boolean isDeleteOk(int pkg, boolean fromUser) {
        return fromUser || current[pkg] != null || install[pkg] == null || status(pkg) != 2 || auto[pkg];
    }

    void setCandidateVersion(Ver target) {
        int pkg = target.pkg;
        if (candidate[pkg] == target) {
            return;
        }
        if (candidate[pkg] == install[pkg] && mode[pkg] == INSTALL) {
            install[pkg] = target;
        }
        candidate[pkg] = target;
        refresh(pkg);
    }

    private boolean stateChange(int pkg, boolean autoInst, boolean fromUser) {
        if (protect[pkg] && install[pkg] == candidate[pkg]) {
            return true;
        }
        mode[pkg] = INSTALL;
        install[pkg] = candidate[pkg];
        if (fromUser) {
            if (status(pkg) == 2 || (current[pkg] != null && autoInst)) {
                auto[pkg] = false;
            }
        } else if (status(pkg) == 2) {
            auto[pkg] = true;
        }
        if (candidate[pkg] == current[pkg]) {
            mode[pkg] = KEEP;
        }
        refresh(pkg);
        return true;
    }

    private void discardCandidate(int pkg) {
        silentCandidate(pkg, install[pkg]);
    }

    private void discardInstall(int pkg) {
        if (mode[pkg] == KEEP && install[pkg] == candidate[pkg] && candidate[pkg] == current[pkg]) {
            return;
        }
        install[pkg] = current[pkg];
        mode[pkg] = KEEP;
        refresh(pkg);
        discardCandidate(pkg);
    }

    // ---------------------------------------------------------------- MarkInstall

    /** {@code pkgDepCache::MarkInstall}. */
    boolean markInstall(int pkg, boolean autoInst, int depth, boolean fromUser) {
        if (protect[pkg] && mode[pkg] == KEEP && candidate[pkg] != null && candidate[pkg] == current[pkg]) {
            // here to mark our dependencies as protected, no state is changed
        } else if (!isModeChangeOk(INSTALL, pkg, depth, fromUser)) {
            return false;
        }
        if (candidate[pkg] == null) {
            return false;
        }
        if (!protect[pkg] && !instPolicyBroken(pkg)) {
            if (candidate[pkg] == current[pkg]) {
                if (install[pkg] == null) {
                    return markKeep(pkg, false, fromUser, depth + 1);
                }
                return true;
            } else if (mode[pkg] == INSTALL) {
                return true;
            }
        }
        if (!isInstallOk(pkg, autoInst)) {
            return false;
        }
        if (fromUser && !stateChange(pkg, autoInst, true)) {
            return false;
        }
        boolean failEarly = !protect[pkg] && !fromUser;
        boolean hasFailed = false;
        List<Dep> toInstall = new ArrayList<>();
        List<Dep> toRemove = new ArrayList<>();
        List<Integer> toUpgrade = new ArrayList<>();
        List<Integer> delayedRemove = new ArrayList<>();
        if (autoInst) {
            Ver pv = candidate[pkg];
            collectDependencies(pv, toInstall, toRemove);
            if (!removeConflictsIfNotUpgradeable(pv, depth, toRemove, toUpgrade, delayedRemove, protect[pkg],
                    fromUser)) {
                if (failEarly) {
                    return false;
                }
                hasFailed = true;
            }
            collectReverseDepends(pv, depth, toUpgrade);
        }
        if (!fromUser && !stateChange(pkg, autoInst, false)) {
            return false;
        }
        if (!autoInst) {
            return !hasFailed;
        }
        boolean already = protect[pkg];
        protect[pkg] = true;
        try {
            boolean propagateProtected = already;
            upgradeOtherBinaries(pkg, depth, candidate[pkg]);
            if (!upgradeOrRemoveConflicts(depth, toUpgrade, propagateProtected, fromUser)) {
                if (failEarly) {
                    discardInstall(pkg);
                    return false;
                }
                hasFailed = true;
            }
            if (!installDependencies(pkg, depth, toInstall, propagateProtected, fromUser)) {
                if (failEarly) {
                    discardInstall(pkg);
                    return false;
                }
                hasFailed = true;
            }
            for (int r : delayedRemove) {
                if (!markDelete(r, depth, false)) {
                    if (failEarly) {
                        discardInstall(pkg);
                        return false;
                    }
                    hasFailed = true;
                }
            }
            return !hasFailed;
        } finally {
            if (!already) {
                protect[pkg] = false;
            }
        }
    }

    /**
     * {@code IsInstallOk}: the Multi-Arch: same sync check cannot fail with one architecture, so this
     * is {@code IsInstallOkDependenciesSatisfiableByCandidates}, which also forgets the candidate of a
     * package whose critical dependency nothing can satisfy (apt bug #735967).
     */
    private boolean isInstallOk(int pkg, boolean autoInst) {
        if (!autoInst) {
            return true;
        }
        Ver cv = candidate[pkg];
        if (cv == null || cv == current[pkg]) {
            return true;
        }
        Dep[] deps = cv.deps();
        for (int i = 0; i < deps.length; i = deps[i].end + 1) {
            Dep start = deps[i];
            if (!start.critical() || start.negative()) {
                continue;
            }
            boolean found = false;
            for (int k = start.start; k <= start.end && !found; k++) {
                found = checkDep(deps[k], INST) || cachedCandidateSatisfies(deps[k]);
            }
            if (found) {
                continue;
            }
            if (!protect[pkg]) {
                if (current[pkg] != null) {
                    setCandidateVersion(current[pkg]);
                } else {
                    silentCandidate(pkg, null);
                }
                if (mode[pkg] != DELETE) {
                    mode[pkg] = KEEP;
                }
            }
            return false;
        }
        return true;
    }

    private void collectDependencies(Ver pv, List<Dep> toInstall, List<Dep> toRemove) {
        boolean propagateProtected = protect[pv.pkg];
        Dep[] deps = pv.deps();
        for (int i = 0; i < deps.length; i = deps[i].end + 1) {
            Dep start = deps[i];
            boolean found = false;
            for (int k = start.start; k <= start.end; k++) {
                if (installOk(deps[k])) {
                    found = true;
                }
            }
            if (found && !propagateProtected) {
                continue;
            }
            if (!isImportantDep(start)) {
                continue;
            }
            if (start.negative()) {
                toRemove.add(start);
            } else {
                toInstall.add(start);
            }
        }
    }

    private boolean removeConflictsIfNotUpgradeable(Ver pv, int depth, List<Dep> toRemove, List<Integer> toUpgrade,
            List<Integer> delayedRemove, boolean propagateProtected, boolean fromUser) {
        boolean failed = false;
        List<Integer> badCandidate = new ArrayList<>();
        for (Dep d : toRemove) {
            for (Ver v : getAllPossibleSolutions(d, Selector.CANDIDATE, true)) {
                int p = v.pkg;
                if (candidate[p] != v) {
                    continue;
                }
                if (current[p] != v) {
                    if (mode[p] == INSTALL && !markKeep(p, false, false, depth)) {
                        failed = true;
                        if (!propagateProtected && !fromUser) {
                            break;
                        }
                    } else if (propagateProtected) {
                        discardCandidate(p);
                        if (current[p] == null) {
                            protect[p] = true;
                        }
                    } else {
                        badCandidate.add(p);
                    }
                } else if (!markDeleteForNotUpgradeable(depth, p, propagateProtected, delayedRemove)) {
                    failed = true;
                    if (!propagateProtected && !fromUser) {
                        break;
                    }
                }
            }
            if (failed && !propagateProtected && !fromUser) {
                break;
            }
            for (Ver v : getAllPossibleSolutions(d, Selector.INSTALLED, true)) {
                int p = v.pkg;
                if (candidate[p] != v && candidate[p] != null && !badCandidate.contains(p)) {
                    toUpgrade.add(p);
                } else if (candidate[p] == current[p]) {
                    continue; // already handled in the first loop
                } else if (!markDeleteForNotUpgradeable(depth, p, propagateProtected, delayedRemove)) {
                    failed = true;
                    if (!propagateProtected && !fromUser) {
                        break;
                    }
                }
            }
            if (failed && !propagateProtected && !fromUser) {
                break;
            }
        }
        toRemove.clear();
        return !failed;
    }

    private boolean markDeleteForNotUpgradeable(int depth, int p, boolean propagateProtected,
            List<Integer> delayedRemove) {
        if (!propagateProtected) {
            if (mode[p] == DELETE) {
                return true;
            }
            if (!isModeChangeOk(DELETE, p, depth, false) || !isDeleteOk(p, false)) {
                return false;
            }
            delayedRemove.add(p);
            return true;
        }
        if (mode[p] != DELETE && !markDelete(p, depth + 1, false)) {
            return false;
        }
        discardCandidate(p);
        protect[p] = true;
        return true;
    }

    /** {@code MarkInstall_CollectReverseDepends}: installed dependers the new version would break get upgraded. */
    private void collectReverseDepends(Ver pv, int depth, List<Integer> toUpgrade) {
        Ver cur = current[pv.pkg];
        if (cur == null) {
            return;
        }
        for (Dep d : u.reverseDepends(pv.pkg)) {
            int parent = d.parent.pkg;
            if (current[parent] != d.parent || mode[parent] == INSTALL) {
                continue;
            }
            if (!isImportantDep(d) || d.negative()) {
                continue;
            }
            if (!d.accepts(cur.version()) || d.accepts(pv.version())) {
                continue;
            }
            if (!toUpgrade.contains(parent)) {
                toUpgrade.add(parent);
            }
        }
    }

    /**
     * {@code MarkInstall_UpgradeOtherBinaries} ({@code APT::Get::Upgrade-By-Source-Package}): installed
     * binaries of the same source move to the same source version when that is their candidate.
     */
    private void upgradeOtherBinaries(int pkg, int depth, Ver ver) {
        if (!installedOffCandidate) {
            return; // every installed binary is at its candidate: nothing to move
        }
        List<Integer> others = new ArrayList<>();
        for (Ver other : u.versionsInSource(ver.bp.source())) {
            int op = other.pkg;
            if (op == pkg || current[op] == null || current[op] == other) {
                continue;
            }
            if (mode[op] == INSTALL && install[op] == other) {
                continue;
            }
            if (!other.bp.sourceVersion().toString().equals(ver.bp.sourceVersion().toString()) || candidate[op] != other) {
                continue;
            }
            if (!others.contains(op)) {
                others.add(op);
            }
        }
        others.sort(null); // apt collects them in a PackageSet, ordered by package ID
        for (int op : others) {
            markInstall(op, false, depth + 1, false);
        }
        for (int op : others) {
            markInstall(op, true, depth + 1, false);
        }
    }

    private boolean upgradeOrRemoveConflicts(int depth, List<Integer> toUpgrade, boolean propagateProtected,
            boolean fromUser) {
        boolean failed = false;
        for (int p : toUpgrade) {
            if (mode[p] != INSTALL && !markInstall(p, true, depth + 1, false)) {
                if (!markDelete(p, depth + 1, false)) {
                    failed = true;
                    if (!propagateProtected && !fromUser) {
                        break;
                    }
                } else if (propagateProtected) {
                    protect[p] = true;
                }
            }
        }
        toUpgrade.clear();
        return !failed;
    }

    private boolean installDependencies(int pkg, int depth, List<Dep> toInstall, boolean propagateProtected,
            boolean fromUser) {
        boolean failed = false;
        for (Dep start : toInstall) {
            Dep[] deps = start.parent.deps();
            boolean found = false;
            for (int k = start.start; k <= start.end; k++) {
                if (installOk(deps[k])) {
                    found = true;
                    break;
                }
            }
            if (found && !propagateProtected) {
                continue;
            }
            boolean critical = start.critical();
            if (found) {
                // try propagating protected to this satisfied dependency
                if (!critical) {
                    continue;
                }
                List<Ver> possible = getAllPossibleSolutions(start, Selector.CANDANDINST, false);
                if (possible.size() != 1) {
                    continue;
                }
                int inst = possible.get(0).pkg;
                if (protect[inst]) {
                    continue;
                }
                protect[inst] = true;
                if (!markInstall(inst, true, depth + 1, false)) {
                    failed = true;
                }
                continue;
            }
            if (current[pkg] != null && !critical && skipOldUnsatisfiedImportantDep(pkg, start)) {
                continue;
            }
            List<Ver> possible = getAllPossibleSolutions(start, Selector.CANDIDATE, true);
            for (Ver instVer : possible) {
                int inst = instVer.pkg;
                if (candidate[inst] != instVer) {
                    continue;
                }
                if (propagateProtected && critical && possible.size() == 1) {
                    if (!markInstall(inst, false, depth + 1, false)) {
                        continue;
                    }
                    protect[inst] = true;
                    if (reason[inst] == null) {
                        reason[inst] = start;
                    }
                }
                if (!markInstall(inst, true, depth + 1, false)) {
                    continue;
                }
                if (reason[inst] == null) {
                    reason[inst] = start;
                }
                found = true;
                break;
            }
            if (!found && critical) {
                failed = true;
                if (!propagateProtected && !fromUser) {
                    break;
                }
            }
        }
        toInstall.clear();
        return !failed;
    }

    /**
     * For an installed package, apt follows an important but not critical dependency (Recommends)
     * only when it is new or was satisfied before (bug #470115).
     */
    private boolean skipOldUnsatisfiedImportantDep(int pkg, Dep start) {
        boolean isNew = true;
        boolean previouslySatisfied = false;
        Dep[] deps = current[pkg].deps();
        for (int i = 0; i < deps.length; i++) {
            Dep d = deps[i];
            if (d.critical() || !isImportantDep(d) || start.target != d.target) {
                continue;
            }
            isNew = false;
            i = d.end;
            previouslySatisfied = groupNowOk(d);
            if (previouslySatisfied) {
                break;
            }
        }
        return !isNew && !previouslySatisfied;
    }

    boolean multiArchSame(Ver v) {
        return v.bp.multiArch() == MultiArch.SAME;
    }
}
