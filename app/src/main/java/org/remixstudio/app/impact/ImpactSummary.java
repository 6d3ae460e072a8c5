package org.remixstudio.app.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remixstudio.engine.api.Impact;
import org.remixstudio.engine.api.PlannedPackage;
import org.remixstudio.engine.api.RemixPlan;

/**
 * The figures the impact pane shows for one edit: what the image gains and loses, and its installed
 * and download sizes before and after.
 *
 * @param installedBefore KiB
 * @param installedAfter  KiB
 * @param downloadBefore  bytes
 * @param downloadAfter   bytes
 * @param impact          the engine's answer, which the license stream starts from
 */
public record ImpactSummary(List<PlannedPackage> added, List<PlannedPackage> removed, long installedBefore,
                            long installedAfter, long downloadBefore, long downloadAfter, Impact impact) {

    public ImpactSummary {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** The engine's answer about a package edit. */
    public static ImpactSummary of(Impact impact) {
        return new ImpactSummary(sorted(impact.added()), sorted(impact.removed()), impact.before().installedSize(),
                impact.after().installedSize(), impact.before().downloadSize(), impact.after().downloadSize(), impact);
    }

    /**
     * Two plans side by side, for edits that are not package edits (a layer moved, merged or
     * deleted, an undo): packages only in {@code after} were added, only in {@code before} removed.
     */
    public static ImpactSummary between(RemixPlan before, RemixPlan after) {
        Map<String, PlannedPackage> old = index(before.packages());
        Map<String, PlannedPackage> now = index(after.packages());
        List<PlannedPackage> added = new ArrayList<>();
        List<PlannedPackage> removed = new ArrayList<>();
        now.forEach((k, p) -> {
            PlannedPackage was = old.get(k);
            if (was == null || !was.version().equals(p.version())) {
                added.add(p);
            }
        });
        old.forEach((k, p) -> {
            if (!now.containsKey(k)) {
                removed.add(p);
            }
        });
        return new ImpactSummary(added, removed, before.installedSize(), after.installedSize(),
                before.downloadSize(), after.downloadSize(), new Impact(before, after, added, removed,
                after.installedSize() - before.installedSize(), after.downloadSize() - before.downloadSize()));
    }

    public long installedDelta() {
        return installedAfter - installedBefore;
    }

    public long downloadDelta() {
        return downloadAfter - downloadBefore;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    private static Map<String, PlannedPackage> index(List<PlannedPackage> packages) {
        Map<String, PlannedPackage> map = new TreeMap<>();
        packages.forEach(p -> map.put(p.name() + ":" + p.architecture(), p));
        return map;
    }

    private static List<PlannedPackage> sorted(List<PlannedPackage> packages) {
        return packages.stream().sorted(Comparator.comparing(PlannedPackage::name)).toList();
    }
}
