package org.remixstudio.engine.resolve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * One {@code apt-get install A B C-} call on a {@link DepCache}, in the order apt 2.6's
 * {@code DoCacheManipulationFromCommandLine} ({@code apt-private/private-install.cc}) takes it:
 * removals first ({@code TryToRemove}: protect and mark delete), then every install request marked
 * without its dependencies ({@code TryToInstall}: set candidate, protect, {@code MarkInstall(pkg,
 * false)}), then each request again with automatic installation ({@code doAutoInstall}), and at the
 * end the removal of new installs nothing needs ({@code DoAutomaticRemove}).
 */
final class AptInstallRun {

    private final DepCache cache;

    AptInstallRun(DepCache cache) {
        this.cache = cache;
    }

    /**
     * Runs the call; returns the packages left broken (to be installed with a critical dependency
     * unmet), which apt would hand to its problem resolver, or an empty list.
     */
    List<Integer> run(List<Integer> removals, List<Ver> installs) {
        for (int r : removals) {
            cache.protect[r] = true;
            cache.markDelete(r, 0, true);
        }
        Set<Ver> seen = new LinkedHashSet<>();
        List<Integer> autoInstallLater = new ArrayList<>();
        for (Ver v : installs) {
            if (!seen.add(v)) {
                continue; // apt drops repeated versions (not packages) from the command line
            }
            cache.setCandidateVersion(v);
            cache.protect[v.pkg] = true;
            cache.markInstall(v.pkg, false, 0, true);
            autoInstallLater.add(v.pkg);
        }
        for (int p : autoInstallLater) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("resolution cancelled");
            }
            cache.markInstall(p, true, 0, true);
        }
        List<Integer> broken = broken();
        if (!broken.isEmpty()) {
            Set<Integer> named = new LinkedHashSet<>(removals);
            named.addAll(autoInstallLater);
            if (!new ProblemResolver(cache, named, new LinkedHashSet<>(removals)).resolve()) {
                return broken();
            }
        }
        new AutoRemover(cache).removeGarbageNewInstalls();
        return broken();
    }

    private List<Integer> broken() {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < cache.install.length; p++) {
            if (cache.install[p] != null && cache.instBroken(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
