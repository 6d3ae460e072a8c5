package org.remixstudio.engine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.remixstudio.engine.build.pipeline.LayerPlan;
import org.remixstudio.engine.build.pipeline.LayerPlanner;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.license.policy.PullChains;
import org.remixstudio.engine.resolve.Reason;
import org.remixstudio.engine.resolve.ResolveRequest;
import org.remixstudio.engine.resolve.ResolvedPackage;
import org.remixstudio.engine.resolve.Resolution;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * Plans remixes for the public API: the build's own {@link LayerPlanner} (so what the studio shows is
 * what a build installs), mapped to plain records, and the impact of an edit as the difference of
 * two plans.
 */
final class RemixPlanner {

    /** How many recent plans keep their resolutions for {@link #chain}: the studio's current plan and a few previews. */
    private static final int REMEMBERED_PLANS = 16;

    private final LayerPlanner planner;
    private final String architecture;
    private final Map<PlanKey, Map<String, Resolution>> chains = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PlanKey, Map<String, Resolution>> eldest) {
            return size() > REMEMBERED_PLANS;
        }
    };

    RemixPlanner(Function<ResolveRequest, Resolution> resolver, String architecture) {
        this.planner = new LayerPlanner(resolver);
        this.architecture = architecture;
    }

    RemixPlan plan(RemixSpec spec) {
        if (!spec.architecture().equals(architecture)) {
            throw new EngineException("the remix '" + spec.name() + "' is for " + spec.architecture()
                    + " but the catalog was loaded for " + architecture + "; load the catalog for the remix");
        }
        List<PlannedLayer> layers = new ArrayList<>();
        Map<String, Resolution> layerChains = new HashMap<>();
        long download = 0;
        for (LayerPlanner.Step step : planner.steps(spec)) {
            layerChains.put(step.plan().name(), step.resolution());
            LayerPlan plan = step.plan();
            Map<String, Reason> reasons = new HashMap<>();
            for (ResolvedPackage p : step.resolution().packages()) {
                reasons.put(p.name(), p.reason());
            }
            List<PlannedPackage> added = new ArrayList<>();
            long installed = 0;
            long size = 0;
            for (BinaryPackage p : plan.added()) {
                Reason why = reasons.get(p.name());
                added.add(new PlannedPackage(p.name(), p.version().toString(), p.architecture(), p.source(),
                        p.sourceVersion().toString(), plan.name(), p.installedSize(), p.size(),
                        why != null && why.kind() == Reason.Kind.REQUESTED, why == null ? "" : why.describe()));
                installed += p.installedSize();
                size += p.size();
            }
            long total = plan.packages().stream().mapToLong(BinaryPackage::installedSize).sum();
            layers.add(new PlannedLayer(plan.name(), added, plan.removed(), installed, size, total));
            download += size;
        }
        RemixPlan result = new RemixPlan(layers, layers.get(layers.size() - 1).totalInstalledSize(), download);
        synchronized (chains) {
            chains.put(new PlanKey(result), layerChains);
        }
        return result;
    }

    /**
     * Why a package of a plan this planner made recently is there, from what was asked for (or the base)
     * down to it; for a plan made elsewhere or long ago, the package's own reason.
     */
    List<String> chain(RemixPlan plan, PlannedPackage pkg) {
        Resolution layer;
        synchronized (chains) {
            Map<String, Resolution> layers = chains.get(new PlanKey(plan));
            layer = layers == null ? null : layers.get(pkg.layer());
        }
        return layer != null ? new PullChains(layer).chain(pkg.name()) : List.of(pkg.name() + " (" + pkg.reason() + ")");
    }

    /** A plan by identity: plans are large, and only the very object handed out has its resolutions here. */
    private record PlanKey(RemixPlan plan) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PlanKey k && k.plan == plan;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(plan);
        }
    }

    Impact impact(RemixSpec spec, LayerEdit edit) {
        RemixPlan before = plan(spec);
        RemixPlan after = plan(apply(spec, edit));
        Map<String, PlannedPackage> old = byName(before.packages());
        Map<String, PlannedPackage> now = byName(after.packages());
        List<PlannedPackage> added = now.values().stream()
                .filter(p -> !old.containsKey(p.name()) || !old.get(p.name()).version().equals(p.version())).toList();
        List<PlannedPackage> removed = old.values().stream().filter(p -> !now.containsKey(p.name())).toList();
        return new Impact(before, after, added, removed, after.installedSize() - before.installedSize(),
                after.downloadSize() - before.downloadSize());
    }

    /**
     * The spec with the edit made: an added name leaves the layer's remove list and joins (or
     * re-pins) its add list; a removed name leaves the add list if the layer asked for it, else it
     * joins the remove list, taking away what a lower layer or the base installed.
     */
    static RemixSpec apply(RemixSpec spec, LayerEdit edit) {
        if (edit.layer().equals(LayerPlanner.BASE)) {
            throw new EngineException("the base layer is the '" + spec.variant().label()
                    + "' variant and cannot be edited; add or remove packages in a layer above it");
        }
        List<LayerSpec> layers = new ArrayList<>();
        boolean found = false;
        for (LayerSpec layer : spec.layers()) {
            if (!layer.name().equals(edit.layer())) {
                layers.add(layer);
                continue;
            }
            found = true;
            Map<String, PackageRef> add = new LinkedHashMap<>();
            layer.add().forEach(r -> add.put(r.name(), r));
            List<String> remove = new ArrayList<>(layer.remove());
            for (String text : edit.add()) {
                PackageRef ref = PackageRef.parse(text);
                remove.remove(ref.name());
                add.put(ref.name(), ref);
            }
            for (String name : edit.remove()) {
                if (add.remove(name) == null && !remove.contains(name)) {
                    remove.add(name);
                }
            }
            layers.add(new LayerSpec(layer.name(), List.copyOf(add.values()), remove));
        }
        if (!found) {
            throw new EngineException("the remix '" + spec.name() + "' has no layer named '" + edit.layer()
                    + "'; its layers are " + spec.layers().stream().map(LayerSpec::name).toList());
        }
        return new RemixSpec(spec.specVersion(), spec.name(), spec.description(), spec.sources(), spec.suite(),
                spec.architecture(), spec.variant(), spec.recommends(), layers, spec.customizations(),
                spec.container(), spec.timestamp());
    }

    private static Map<String, PlannedPackage> byName(List<PlannedPackage> packages) {
        Map<String, PlannedPackage> map = new LinkedHashMap<>();
        packages.forEach(p -> map.put(p.name(), p));
        return map;
    }
}
