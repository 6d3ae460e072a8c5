package org.remixstudio.engine.resolve;

import java.util.Comparator;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * The order in which apt tries the packages that could satisfy one alternative of a dependency (the
 * real package and the providers of a virtual name): apt 2.6's {@code CompareProviders} in
 * {@code apt-pkg/depcache.cc}. Earlier is better: packages already protected by the user's request,
 * installed Multi-Arch: same packages, installed packages, the package named by the dependency
 * itself, Essential ones, Protected ones, then the lower (more important) {@code Priority}, and at
 * last the package apt's cache generator met later (higher package ID). Alternatives of an or-group
 * are never reordered by this; only the candidates for one alternative are.
 */
final class ProviderOrder implements Comparator<Ver> {

    private final DepCache cache;
    private final int target;

    ProviderOrder(DepCache cache, int target) {
        this.cache = cache;
        this.target = target;
    }

    @Override
    public int compare(Ver a, Ver b) {
        if (a == b) {
            return 0;
        }
        if (before(a, b)) {
            return -1;
        }
        return before(b, a) ? 1 : 0;
    }

    /** apt's {@code operator()}: true when {@code av} goes before {@code bv}. */
    private boolean before(Ver av, Ver bv) {
        int a = av.pkg;
        int b = bv.pkg;
        if (cache.protect[a] != cache.protect[b]) {
            return cache.protect[a];
        }
        boolean sameA = cache.multiArchSame(av);
        boolean sameB = cache.multiArchSame(bv);
        if (sameA || sameB) {
            // with one architecture the package's group holds just the package itself
            boolean instA = sameA && cache.current[a] != null;
            boolean instB = sameB && cache.current[b] != null;
            if (instA != instB) {
                return instA;
            }
        }
        boolean curA = cache.current[a] != null;
        boolean curB = cache.current[b] != null;
        if (curA != curB) {
            return curA;
        }
        if (a != b) {
            if (a == target) {
                return true;
            } else if (b == target) {
                return false;
            }
        }
        PackageUniverse u = cache.universe();
        if (u.essential(a) != u.essential(b)) {
            return u.essential(a);
        }
        if (u.important(a) != u.important(b)) {
            return u.important(a);
        }
        if (av.priority != bv.priority) {
            return av.priority < bv.priority;
        }
        return a > b;
    }
}
