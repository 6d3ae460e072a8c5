package org.remixstudio.engine.license.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remixstudio.engine.resolve.Reason;
import org.remixstudio.engine.resolve.Resolution;
import org.remixstudio.engine.resolve.ResolvedPackage;

/**
 * Why a package is in a resolution, as the chain of reasons from what was asked for (or the base)
 * down to it: {@code nginx (requested)}, {@code libnginx-mod-http-geoip (Depends: …)},
 * {@code libgeoip1 (Depends: libgeoip1 (>= 1.6.12))}.
 */
public final class PullChains {

    private final Map<String, ResolvedPackage> byName = new HashMap<>();

    public PullChains(Resolution resolution) {
        for (ResolvedPackage p : resolution.packages()) {
            byName.putIfAbsent(p.name(), p);
        }
    }

    public List<String> chain(String pkg) {
        List<String> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String name = pkg;
        while (name != null && seen.add(name)) {
            ResolvedPackage p = byName.get(name);
            if (p == null) {
                steps.add(0, name);
                break;
            }
            Reason r = p.reason();
            steps.add(0, switch (r.kind()) {
                case REQUESTED -> name + " (requested)";
                case BASE -> name + " (base: " + r.relation() + ")";
                case DEPENDENCY -> name + " (" + r.relation() + ")";
            });
            name = r.kind() == Reason.Kind.DEPENDENCY ? r.parent() : null;
        }
        return steps;
    }
}
