package org.remixstudio.engine.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.testing.CatalogBuilder;

class LayerPlannerTest {

    /** A tiny Debian: an Essential shell, a required package, curl with a library, less. */
    private final Catalog catalog = new CatalogBuilder()
            .pkg("dash", "1").essential()
            .pkg("base-files", "2").essential()
            .pkg("curl", "8").depends("libcurl4")
            .pkg("libcurl4", "8")
            .pkg("less", "590")
            .build();

    private List<LayerPlan> plan(LayerSpec... layers) {
        return new LayerPlanner(new Resolver(catalog, "amd64")).plan(RemixSpec.of("t", "test", List.of(layers)));
    }

    private static List<String> names(List<BinaryPackage> packages) {
        return packages.stream().map(BinaryPackage::name).sorted().toList();
    }

    @Test
    void plan_baseLayerAddsTheWholeBase_andEachLayerAddsOnlyItsNewPackages() {
        List<LayerPlan> plans = plan(new LayerSpec("tools", List.of(PackageRef.of("curl"), PackageRef.of("less")), List.of()));

        assertThat(plans).extracting(LayerPlan::name).containsExactly("base", "tools");
        assertThat(names(plans.get(0).added())).containsExactly("base-files", "dash");
        assertThat(names(plans.get(1).added())).containsExactly("curl", "less", "libcurl4");
        assertThat(plans.get(1).removed()).isEmpty();
        assertThat(names(plans.get(1).packages())).containsExactly("base-files", "curl", "dash", "less", "libcurl4");
    }

    @Test
    void plan_removingAPackageOfALowerLayer_removesItAndNothingElse() {
        List<LayerPlan> plans = plan(
                new LayerSpec("tools", List.of(PackageRef.of("curl"), PackageRef.of("less")), List.of()),
                new LayerSpec("trim", List.of(), List.of("less")));

        LayerPlan trim = plans.get(2);
        assertThat(trim.added()).isEmpty();
        assertThat(trim.removed()).containsExactly("less");
        assertThat(names(trim.packages())).containsExactly("base-files", "curl", "dash", "libcurl4");
        assertThat(trim.cacheInputs()).isEqualTo("layer trim\nremove less\n");
        assertThat(trim.createdBy()).isEqualTo("remix: layer trim -1 (less)");
    }

    @Test
    void delta_anotherVersionOfAnInstalledPackage_countsAsAdded() {
        Catalog two = new CatalogBuilder().pkg("less", "590").pkg("less", "600").build();
        List<BinaryPackage> old = List.of(two.versions("less").stream()
                .filter(p -> p.version().toString().equals("590")).findFirst().orElseThrow());
        List<BinaryPackage> now = List.of(two.candidate("less").orElseThrow());

        LayerPlan plan = LayerPlanner.delta("up", old, now);

        assertThat(plan.added()).extracting(p -> p.version().toString()).containsExactly("600");
        assertThat(plan.removed()).isEmpty();
    }
}
