package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.repo.LoadedCatalog;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.testing.CatalogBuilder;

class PackageCatalogPlanTest {

    /** An Essential base, a web server with a library, and a small tool. */
    private final PackageCatalog catalog = new PackageCatalog(new LoadedCatalog(new CatalogBuilder()
            .pkg("dash", "1").essential().sizes(200, 90_000)
            .pkg("base-files", "2").essential().sizes(400, 70_000)
            .pkg("nginx", "1.22").depends("libssl3").sizes(1_500, 600_000)
            .pkg("libssl3", "3.0").sizes(6_000, 2_000_000)
            .pkg("less", "590").sizes(300, 150_000)
            .build(), List.of()), "test", EngineSettings.defaults());

    private static RemixSpec remix(LayerSpec... layers) {
        return RemixSpec.of("web", "test", List.of(layers));
    }

    private static LayerSpec layer(String name, List<String> add, List<String> remove) {
        return new LayerSpec(name, add.stream().map(PackageRef::of).toList(), remove);
    }

    @Test
    void plan_showsEachLayersPackagesWithReasonsAndSizes() {
        RemixPlan plan = catalog.plan(remix(layer("web", List.of("nginx"), List.of())));

        assertThat(plan.layers()).extracting(PlannedLayer::name).containsExactly("base", "web");
        PlannedLayer web = plan.layer("web").orElseThrow();
        assertThat(web.added()).extracting(PlannedPackage::name).containsExactlyInAnyOrder("nginx", "libssl3");
        PlannedPackage nginx = web.added().stream().filter(p -> p.name().equals("nginx")).findFirst().orElseThrow();
        PlannedPackage libssl = web.added().stream().filter(p -> p.name().equals("libssl3")).findFirst().orElseThrow();
        assertThat(nginx.requested()).isTrue();
        assertThat(nginx.layer()).isEqualTo("web");
        assertThat(libssl.requested()).isFalse();
        assertThat(libssl.reason()).contains("nginx").contains("libssl3");
        assertThat(web.installedSize()).isEqualTo(7_500);
        assertThat(web.downloadSize()).isEqualTo(2_600_000);
        assertThat(web.totalInstalledSize()).isEqualTo(8_100);
        assertThat(plan.installedSize()).isEqualTo(8_100);
        assertThat(plan.downloadSize()).isEqualTo(2_760_000);
        assertThat(plan.packages()).extracting(PlannedPackage::name)
                .containsExactly("base-files", "dash", "libssl3", "nginx");
    }

    @Test
    void impact_ofAddingAPackage_namesWhatComesInAndTheSizes() {
        RemixSpec spec = remix(layer("web", List.of("less"), List.of()));

        Impact impact = catalog.impact(spec, LayerEdit.add("web", "nginx"));

        assertThat(impact.added()).extracting(PlannedPackage::name).containsExactlyInAnyOrder("nginx", "libssl3");
        assertThat(impact.removed()).isEmpty();
        assertThat(impact.installedDelta()).isEqualTo(7_500);
        assertThat(impact.downloadDelta()).isEqualTo(2_600_000);
        assertThat(impact.before().installedSize()).isEqualTo(900);
        assertThat(impact.after().installedSize()).isEqualTo(8_400);
    }

    @Test
    void impact_ofRemovingARequestedPackage_dropsItAndItsDependencies() {
        RemixSpec spec = remix(layer("web", List.of("nginx", "less"), List.of()));

        Impact impact = catalog.impact(spec, LayerEdit.remove("web", "nginx"));

        assertThat(impact.removed()).extracting(PlannedPackage::name).containsExactlyInAnyOrder("nginx", "libssl3");
        assertThat(impact.removed()).extracting(PlannedPackage::layer).containsOnly("web");
        assertThat(impact.installedDelta()).isEqualTo(-7_500);
        assertThat(impact.after().layer("web").orElseThrow().removed()).isEmpty();
    }

    @Test
    void impact_ofRemovingInAHigherLayer_writesARemovalThere() {
        RemixSpec spec = remix(layer("web", List.of("nginx", "less"), List.of()), layer("trim", List.of(), List.of()));

        Impact impact = catalog.impact(spec, LayerEdit.remove("trim", "less"));

        assertThat(impact.removed()).extracting(PlannedPackage::name).containsExactly("less");
        assertThat(impact.removed().get(0).layer()).isEqualTo("web");
        assertThat(impact.after().layer("trim").orElseThrow().removed()).containsExactly("less");
    }

    @Test
    void impact_ofAddingBackWhatALayerRemoves_takesTheRemovalAway() {
        RemixSpec spec = remix(layer("web", List.of("less"), List.of()), layer("trim", List.of(), List.of("less")));

        Impact impact = catalog.impact(spec, LayerEdit.add("trim", "less"));

        assertThat(impact.added()).extracting(PlannedPackage::name).containsExactly("less");
        assertThat(impact.after().layer("trim").orElseThrow().removed()).isEmpty();
    }

    @Test
    void impact_onTheBaseOrAnUnknownLayer_isRefusedWithTheLayerNames() {
        RemixSpec spec = remix(layer("web", List.of("less"), List.of()));

        assertThatThrownBy(() -> catalog.impact(spec, LayerEdit.add("base", "nginx")))
                .isInstanceOf(EngineException.class).hasMessageContaining("base layer");
        assertThatThrownBy(() -> catalog.impact(spec, LayerEdit.add("tools", "nginx")))
                .isInstanceOf(EngineException.class).hasMessageContaining("no layer named 'tools'")
                .hasMessageContaining("[web]");
    }

    @Test
    void impact_ofAnUnknownPackage_isRefusedNamingIt() {
        RemixSpec spec = remix(layer("web", List.of("less"), List.of()));

        assertThatThrownBy(() -> catalog.impact(spec, LayerEdit.add("web", "ngnix")))
                .isInstanceOf(EngineException.class).hasMessageContaining("ngnix");
    }

    @Test
    void plan_ofARemixForAnotherArchitecture_isRefused() {
        RemixSpec arm = new RemixSpec(1, "web", "", remix().sources(), "test", "arm64", remix().variant(), false,
                List.of(), remix().customizations(), remix().container(), remix().timestamp());

        assertThatThrownBy(() -> catalog.plan(arm)).isInstanceOf(EngineException.class)
                .hasMessageContaining("arm64").hasMessageContaining("amd64");
    }
}
