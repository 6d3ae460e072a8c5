package org.remixstudio.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioFixture;
import org.remixstudio.app.StudioSettings;
import org.remixstudio.app.catalog.CatalogRow;
import org.remixstudio.app.catalog.CatalogViewModel;
import org.remixstudio.app.layers.LayerItem;
import org.remixstudio.engine.api.LicenseChange;
import org.remixstudio.engine.api.LicenseFindingInfo;
import org.remixstudio.engine.api.LicenseImpact;

/** The impact, layer stack and catalog view models together on the fixture archive, without a window. */
class ImpactViewModelTest {

    @TempDir
    static Path dir;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        studio = FxToolkit.onFx(() -> new Studio(StudioFixture.create(dir).options()));
        FxToolkit.onFx(() -> studio.start(r -> false));
        FxToolkit.waitFor("the plan", () -> studio.layers().planProperty().get() != null);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @Test
    void preview_thenMoveOn_cancelsTheStaleQuestion_andEndShowsTheLastEdit() throws Exception {
        ImpactViewModel vm = studio.impact();
        FxToolkit.onFx(() -> {
            vm.previewAdd("apps", "webserver");
            vm.previewAdd("apps", "hello"); // moved on before the first answer
        });
        FxToolkit.waitFor("the answer", () -> !vm.busyProperty().get() && vm.summaryProperty().get() != null);
        assertThat(FxToolkit.onFx(() -> vm.titleProperty().get())).isEqualTo("Dropping hello on apps would…");
        ImpactSummary s = FxToolkit.onFx(() -> vm.summaryProperty().get());
        assertThat(s.added()).extracting(p -> p.name()).containsExactly("hello", "libgreet1");
        assertThat(s.installedAfter() - s.installedBefore()).isEqualTo(400);
        assertThat(s.downloadDelta()).isPositive();
        FxToolkit.onFx(vm::endPreview);
        assertThat(FxToolkit.onFx(() -> vm.previewingProperty().get())).isFalse();
    }

    private static LicenseImpact completeLicenses(ImpactViewModel vm) throws Exception {
        FxToolkit.waitFor("licenses", () -> !vm.busyProperty().get() && vm.licensesProperty().get() != null
                && vm.licensesProperty().get().complete() && !vm.licensesPendingProperty().get());
        return FxToolkit.onFx(() -> vm.licensesProperty().get());
    }

    @Test
    void preview_streamsTheLicensesEnteringWithTheirCategories() throws Exception {
        ImpactViewModel vm = studio.impact();
        FxToolkit.onFx(() -> vm.previewAdd("apps", "hello"));

        LicenseImpact l = completeLicenses(vm);

        assertThat(l.entering()).contains(new LicenseChange("GPL-3.0-or-later", "strong-copyleft", List.of("hello")),
                new LicenseChange("LGPL-2.1-or-later", "weak-copyleft", List.of("libgreet1")));
        assertThat(l.leaving()).isEmpty();
        assertThat(l.categoriesAfter()).containsEntry("strong-copyleft", 1).containsEntry("weak-copyleft", 1);
        assertThat(l.findings()).isEmpty();
        FxToolkit.onFx(vm::endPreview);
    }

    @Test
    void preview_ofAPackageWithoutCopyrightFile_showsUnknownEntering_neverAMadeUpLicense() throws Exception {
        ImpactViewModel vm = studio.impact();
        FxToolkit.onFx(() -> vm.previewAdd("apps", "htop"));

        LicenseImpact l = completeLicenses(vm);

        assertThat(l.entering()).contains(new LicenseChange("NOASSERTION", "unknown", List.of("htop")));
        FxToolkit.onFx(vm::endPreview);
    }

    @Test
    void aPolicy_listsWhatItDeniesAmongThePackagesTheEditBringsIn() throws Exception {
        ImpactViewModel vm = studio.impact();
        Path policy = Files.writeString(dir.resolve("no-gpl.json"), "{\"deny\": [\"strong-copyleft\"]}");
        try {
            FxToolkit.onFx(() -> {
                studio.setLicensePolicy(policy);
                return null;
            });
            FxToolkit.onFx(() -> vm.previewAdd("apps", "hello"));

            LicenseImpact l = completeLicenses(vm);

            assertThat(l.findings()).extracting(LicenseFindingInfo::action, LicenseFindingInfo::pkg,
                    LicenseFindingInfo::license, LicenseFindingInfo::layer)
                    .containsExactly(tuple("deny", "hello", "GPL-3.0-or-later", "apps"));
            assertThat(l.findings().get(0).chain()).containsExactly("hello (requested)");
            assertThat(new StudioSettings(studio.options().paths().settingsFile()).licensePolicy()).contains(policy);
        } finally {
            FxToolkit.onFx(() -> {
                vm.endPreview();
                studio.setLicensePolicy(null);
                return null;
            });
        }
    }

    @Test
    void theLayerStack_andTheCatalog_learnTheLicensesOfTheRemixsPackages() throws Exception {
        FxToolkit.onFx(() -> studio.layers().addPackage("apps", "jq"));
        FxToolkit.waitFor("jq's license", () -> studio.layers().licensesProperty().get().containsKey("jq")
                && !studio.layers().licensesPendingProperty().get());

        LayerItem apps = FxToolkit.onFx(() -> studio.layers().items().get(1));
        assertThat(apps.licenseMix()).containsEntry("permissive", 1).doesNotContainKey("pending");
        FxToolkit.onFx(() -> {
            studio.catalog().installedOnlyProperty().set(false);
            studio.catalog().sectionProperty().set(CatalogViewModel.ALL_SECTIONS);
            studio.catalog().queryProperty().set("jq");
        });
        FxToolkit.waitFor("jq's row with its badge", () -> studio.catalog().rows().stream()
                .anyMatch(r -> r.name().equals("jq") && r.license() != null));
        CatalogRow jq = FxToolkit.onFx(() -> studio.catalog().rows().stream().filter(r -> r.name().equals("jq"))
                .findFirst().orElseThrow());
        assertThat(jq.license().spdx()).isEqualTo("MIT");
        assertThat(jq.license().category()).isEqualTo("permissive");
        FxToolkit.onFx(() -> studio.details().show("jq"));
        FxToolkit.waitFor("details", () -> studio.details().infoProperty().get() != null
                && studio.details().infoProperty().get().license().isPresent());
        assertThat(FxToolkit.onFx(() -> studio.details().infoProperty().get().license().get().howFound()))
                .isEqualTo("declared");
        FxToolkit.onFx(() -> studio.document().undo());
    }

    @Test
    void edits_showTheirImpact_andFeedTheCatalogsInstalledFilter() throws Exception {
        FxToolkit.onFx(() -> studio.layers().addPackage("apps", "curl"));
        FxToolkit.waitFor("the impact", () -> studio.impact().titleProperty().get().equals("Add curl to apps")
                && !studio.impact().busyProperty().get());
        assertThat(FxToolkit.onFx(() -> studio.impact().summaryProperty().get().added()))
                .extracting(p -> p.name()).containsExactly("curl", "libssl3", "zlib1g");
        FxToolkit.waitFor("installed", () -> studio.catalog().isInstalled("libssl3"));
        FxToolkit.onFx(() -> {
            studio.catalog().installedOnlyProperty().set(true);
            studio.catalog().queryProperty().set("");
        });
        assertThat(FxToolkit.onFx(() -> studio.catalog().rows())).extracting(r -> r.name())
                .containsExactly("curl", "libssl3", "zlib1g");
        FxToolkit.onFx(() -> {
            studio.catalog().installedOnlyProperty().set(false);
            studio.catalog().sectionProperty().set("libs");
            studio.catalog().queryProperty().set("lib");
        });
        FxToolkit.waitFor("search", () -> !studio.catalog().searching() && !studio.catalog().rows().isEmpty());
        assertThat(FxToolkit.onFx(() -> studio.catalog().rows())).allMatch(r -> r.section().equals("libs"));
        // moving the layer stack: the layer card shows the requested chip and the dependency line
        assertThat(FxToolkit.onFx(() -> studio.layers().items().get(1).requested()))
                .extracting(p -> p.name()).containsExactly("curl");
        FxToolkit.waitFor("planned", () -> studio.layers().items().get(1).dependencies().size() == 2);
    }
}
