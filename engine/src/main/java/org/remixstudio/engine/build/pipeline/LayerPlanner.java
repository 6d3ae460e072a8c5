package org.remixstudio.engine.build.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.resolve.Reason;
import org.remixstudio.engine.resolve.Resolution;
import org.remixstudio.engine.resolve.ResolveRequest;
import org.remixstudio.engine.resolve.ResolvedPackage;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * Turns a spec's layers into full package sets. Each layer is resolved from scratch with everything
 * the layers up to it add and remove, so its set is exactly what apt would install for that request;
 * the delta against the layer below is what the layer's image layer must carry. Resolving from
 * scratch (rather than adding on top) keeps a layer's set independent of how the layers are cut.
 */
public final class LayerPlanner {

    /** The name of the layer holding the base variant. */
    public static final String BASE = "base";

    private final Function<ResolveRequest, Resolution> resolver;

    public LayerPlanner(Resolver resolver) {
        this(resolver::resolve);
    }

    /**
     * @param resolver resolves one full request; a caching resolver makes re-planning a spec after
     *                 an edit cost only the layers from the edit up
     */
    public LayerPlanner(Function<ResolveRequest, Resolution> resolver) {
        this.resolver = resolver;
    }

    /** One layer's plan with the resolution of the full set it ends with (for the reasons). */
    public record Step(LayerPlan plan, Resolution resolution) {
    }

    /** The base layer first, then one plan per spec layer. */
    public List<LayerPlan> plan(RemixSpec spec) {
        return steps(spec).stream().map(Step::plan).toList();
    }

    /** Like {@link #plan}, keeping each layer's resolution. */
    public List<Step> steps(RemixSpec spec) {
        List<Step> plans = new ArrayList<>();
        ResolveRequest base = ResolveRequest.base(spec.variant(), spec.suite()).withRecommends(spec.recommends());
        Resolution baseResolution = resolver.apply(base);
        List<BinaryPackage> previous = packages(baseResolution.packages());
        // like mmdebstrap: the Essential set is installed by dpkg, what apt pulls in for the rest is automatic
        Set<String> essential = spec.variant().hasEssential()
                ? names(resolver.apply(ResolveRequest.base(BaseVariant.ESSENTIAL, spec.suite())).packages())
                : Set.of();
        Set<String> baseAuto = new TreeSet<>(dependencies(baseResolution));
        baseAuto.removeAll(essential);
        plans.add(new Step(new LayerPlan(BASE, previous, previous, List.of(), baseAuto), baseResolution));
        Map<String, String> install = new LinkedHashMap<>();
        Set<String> remove = new LinkedHashSet<>();
        for (LayerSpec layer : spec.layers()) {
            for (PackageRef ref : layer.add()) {
                install.put(ref.name(), ref.version().map(v -> ref.name() + "=" + v).orElse(ref.name()));
                remove.remove(ref.name());
            }
            for (String name : layer.remove()) {
                install.remove(name);
                remove.add(name);
            }
            ResolveRequest request = new ResolveRequest(spec.variant(), spec.suite(), List.copyOf(install.values()),
                    List.copyOf(remove), spec.recommends());
            Resolution resolution = resolver.apply(request);
            List<BinaryPackage> current = packages(resolution.packages());
            LayerPlan delta = delta(layer.name(), previous, current);
            Set<String> auto = new TreeSet<>(dependencies(resolution));
            auto.retainAll(names(delta.added()));
            plans.add(new Step(new LayerPlan(delta.name(), delta.packages(), delta.added(), delta.removed(), auto),
                    resolution));
            previous = current;
        }
        return plans;
    }

    /** What turns {@code before} into {@code after}: new or changed packages, and names no longer there. */
    static LayerPlan delta(String name, List<BinaryPackage> before, List<BinaryPackage> after) {
        Map<String, BinaryPackage> old = new LinkedHashMap<>();
        before.forEach(p -> old.put(p.name() + ":" + p.architecture(), p));
        List<BinaryPackage> added = new ArrayList<>();
        Set<String> kept = new TreeSet<>();
        for (BinaryPackage p : after) {
            String key = p.name() + ":" + p.architecture();
            BinaryPackage was = old.get(key);
            kept.add(key);
            if (was == null || !was.version().equals(p.version()) || !was.sha256().equals(p.sha256())) {
                added.add(p);
            }
        }
        List<String> removed = old.keySet().stream().filter(k -> !kept.contains(k))
                .map(k -> old.get(k).name()).sorted().toList();
        return new LayerPlan(name, after, added, removed, Set.of());
    }

    private static Set<String> dependencies(Resolution r) {
        Set<String> out = new TreeSet<>();
        r.packages().stream().filter(p -> p.reason().kind() == Reason.Kind.DEPENDENCY).forEach(p -> out.add(p.name()));
        return out;
    }

    private static Set<String> names(Collection<?> packages) {
        Set<String> out = new TreeSet<>();
        for (Object p : packages) {
            out.add(p instanceof ResolvedPackage r ? r.name() : ((BinaryPackage) p).name());
        }
        return out;
    }

    private static List<BinaryPackage> packages(List<ResolvedPackage> resolved) {
        return resolved.stream().map(ResolvedPackage::pkg).toList();
    }
}
