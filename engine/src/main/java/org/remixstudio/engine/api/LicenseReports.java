package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.remixstudio.engine.build.pipeline.LayerPlanner;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.license.SpdxLicenseList;
import org.remixstudio.engine.license.policy.AuditedPackage;
import org.remixstudio.engine.license.policy.LicensePolicy;
import org.remixstudio.engine.license.policy.LicensePolicyReader;
import org.remixstudio.engine.license.policy.PolicyEvaluator;
import org.remixstudio.engine.license.policy.PullChains;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * The license report of a remix for {@link RemixEngine#licenses}: every package of the final set in layer
 * order with its license (read once ever into the license store), and what a policy says about each,
 * with the layer that brought it in and the dependency chain that pulled it.
 */
final class LicenseReports {

    private final EngineSettings settings;
    private final Catalog catalog;

    LicenseReports(EngineSettings settings, Catalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    LicenseReport report(RemixSpec remix, Path policyOrNull, Consumer<ProgressEvent> progress) {
        SpdxLicenseList list = SpdxLicenseList.bundled();
        LicensePolicy policy = policyOrNull == null ? LicensePolicy.allowAll()
                : new LicensePolicyReader(list).read(policyOrNull);
        List<LayerPlanner.Step> layers = new LayerPlanner(new Resolver(catalog, remix.architecture()))
                .steps(remix);
        Map<String, LayerPlanner.Step> layerOf = new HashMap<>();
        for (LayerPlanner.Step layer : layers) {
            layer.plan().added().forEach(p -> layerOf.put(p.id(), layer));
        }
        List<BinaryPackage> image = new ArrayList<>(layers.get(layers.size() - 1).plan().packages());
        List<String> layerOrder = layers.stream().map(l -> l.plan().name()).toList();
        image.sort(Comparator.comparing((BinaryPackage p) -> layerOrder.indexOf(layerName(layerOf.get(p.id()))))
                .thenComparing(BinaryPackage::name));
        Map<BinaryPackage, PackageLicense> found;
        try (LicenseScanning.Open scanning = LicenseScanning.open(settings, catalog)) {
            found = scanning.scanner().scan(image, progress);
        }
        LicenseCategories categories = LicenseCategories.bundled();
        List<AuditedPackage> audited = new ArrayList<>();
        List<PackageLicenseInfo> infos = new ArrayList<>();
        Map<LayerPlanner.Step, PullChains> chains = new IdentityHashMap<>();
        for (BinaryPackage p : image) {
            LayerPlanner.Step layer = layerOf.get(p.id());
            PackageLicense l = found.get(p);
            List<String> chain = layer == null ? List.of(p.name())
                    : chains.computeIfAbsent(layer, x -> new PullChains(x.resolution())).chain(p.name());
            audited.add(new AuditedPackage(l, layerName(layer), chain));
            infos.add(LicenseInfos.info(l, layerName(layer), categories));
        }
        List<LicenseFindingInfo> findings = new PolicyEvaluator(categories).evaluate(policy, audited).stream()
                .map(LicenseInfos::finding).toList();
        return new LicenseReport(infos, findings, policyOrNull == null ? "" : policyOrNull.toString());
    }

    private static String layerName(LayerPlanner.Step layer) {
        return layer == null ? LayerPlanner.BASE : layer.plan().name();
    }
}
