package org.remixstudio.app.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioFixture;
import org.remixstudio.app.build.OutputChoice;
import org.remixstudio.engine.api.PlannedPackage;

/**
 * The layer stack's preview of what a VM disk export adds, on a fixture archive with packages named
 * like the engine's VM essentials: shown when a disk output is chosen, planned by the engine on top
 * of the remix (so what the remix has is left out), gone for a container output.
 */
class LayerStackViewModelVmEssentialsTest {

    @TempDir
    static Path dir;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        studio = FxToolkit.onFx(() -> new Studio(StudioFixture.createWithVmEssentials(dir).options()));
        FxToolkit.onFx(() -> studio.start(r -> false));
        FxToolkit.waitFor("the plan", () -> studio.layers().planProperty().get() != null);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    private static LayerItem top() throws Exception {
        return FxToolkit.onFx(() -> studio.layers().items().get(studio.layers().items().size() - 1));
    }

    @Test
    void aDiskOutput_showsTheEssentialsTheRemixLacks_asAPreviewOnTop_andEditsReplanIt() throws Exception {
        LayerStackViewModel layers = studio.layers();
        FxToolkit.onFx(() -> layers.addPackage("apps", "udev"));
        FxToolkit.waitFor("udev planned", () -> layers.planProperty().get().packages().stream()
                .anyMatch(p -> p.name().equals("udev")));

        FxToolkit.onFx(() -> studio.build().outputProperty().set(OutputChoice.QCOW2));
        FxToolkit.waitFor("the preview", () -> layers.essentialsProperty().get() != null);

        LayerItem preview = top();
        assertThat(preview.preview()).isTrue();
        assertThat(preview.name()).isEqualTo(LayerStackViewModel.VM_ESSENTIALS);
        assertThat(preview.requested()).extracting(PlannedPackage::name).containsExactlyInAnyOrder(
                "linux-image-cloud-amd64", "systemd-sysv", "initramfs-tools", "systemd-boot-efi", "systemd-resolved",
                "e2fsprogs", "dosfstools");
        assertThat(preview.dependencies()).extracting(PlannedPackage::name)
                .containsExactlyInAnyOrder("linux-image-6.1.0-18-cloud-amd64", "systemd");
        assertThat(preview.installedSize()).isEqualTo(10 + 60000 + 100 + 20000 + 300 + 500 + 800 + 1500 + 300);
        assertThat(FxToolkit.onFx(() -> layers.items().stream().filter(LayerItem::preview).count())).isEqualTo(1);
        // not part of the remix: nothing can be added to it
        assertThat(FxToolkit.onFx(() -> layers.addPackage(LayerStackViewModel.VM_ESSENTIALS, "jq")))
                .hasValueSatisfying(why -> assertThat(why).contains("not part of the remix"));
        assertThat(FxToolkit.onFx(() -> studio.document().spec().layers()))
                .extracting(l -> l.name()).containsExactly("apps");

        // the remix gets systemd itself: the preview no longer adds it
        FxToolkit.onFx(() -> layers.addPackage("apps", "systemd"));
        FxToolkit.waitFor("the new preview", () -> layers.essentialsProperty().get() != null
                && layers.essentialsProperty().get().added().stream().noneMatch(p -> p.name().equals("systemd")));
        assertThat(top().dependencies()).extracting(PlannedPackage::name)
                .containsExactly("linux-image-6.1.0-18-cloud-amd64");

        FxToolkit.onFx(() -> studio.build().outputProperty().set(OutputChoice.CONTAINER_TARBALL));
        assertThat(FxToolkit.onFx(() -> layers.items().stream().map(LayerItem::name).toList()))
                .isEqualTo(List.of("base", "apps"));
    }
}
