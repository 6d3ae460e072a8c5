package org.remixstudio.app.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioFixture;

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
