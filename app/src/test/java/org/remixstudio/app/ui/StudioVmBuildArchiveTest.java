package org.remixstudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.MainWindow;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioOptions;
import org.remixstudio.app.StudioPaths;
import org.remixstudio.app.build.OutputChoice;
import org.remixstudio.app.layers.LayerStackViewModel;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.resolve.BaseVariant;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Builds the vm-bookworm example as a qcow2 disk through the studio from the host's real sources: the
 * output is picked in the Build &amp; export window, the layer stack shows the dashed vm-essentials
 * preview with the kernel, and the build ends with the disk's digest, its libvirt domain beside it,
 * a full disk progress row and "Boot it" offered. It does not boot: the engine's
 * RemixEngineVmArchiveTest does. The engine archive tests' cache is reused, so the layers normally
 * come from the layer cache.
 */
@Tag("archive")
@ExtendWith(ApplicationExtension.class)
class StudioVmBuildArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");

    @TempDir
    static Path tmp;

    private Studio studio;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        StudioOptions options = new StudioOptions(EngineSettings.defaults().withCacheDir(CACHE),
                StudioPaths.under(Files.createTempDirectory(tmp, "home")), BaseVariant.MINBASE);
        studio = new Studio(options);
        window = new MainWindow(studio, stage);
        stage.show();
        studio.start(r -> false);
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    @Test
    void buildQcow2_ofTheVmExample_throughTheBuildWindow_showsTheEssentialsAndTheDigest(FxRobot robot)
            throws Exception {
        Path spec = Path.of(System.getProperty("user.dir")).resolve("../docs/examples/vm-bookworm.remix.json")
                .normalize();
        waitUntil("the start remix", 10, () -> studio.document().spec() != null);
        FxToolkit.onFx(() -> window.openFile(spec));
        waitUntil("the vm-bookworm plan", 10, () -> studio.document().spec().name().equals("vm-bookworm")
                && !studio.layers().planningProperty().get() && studio.layers().planProperty().get() != null
                && studio.layers().planProperty().get().layer("tools").isPresent());
        Path out = Files.createDirectories(tmp.resolve("out"));
        Stage buildWindow = FxToolkit.onFx(() -> {
            Stage s = window.openBuild();
            studio.build().directoryProperty().set(out);
            return s;
        });

        robot.clickOn("#build-output");
        robot.clickOn(OutputChoice.QCOW2.toString());
        assertThat(FxToolkit.onFx(() -> studio.build().outputProperty().get())).isEqualTo(OutputChoice.QCOW2);
        assertThat(studio.build().fileNameProperty().get()).isEqualTo("vm-bookworm.qcow2");
        Label note = robot.from(buildWindow.getScene().getRoot()).lookup("#build-disk-note").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("UEFI").contains("vm-bookworm.xml");

        // the main window's layer stack previews what the export adds, dashed, with the kernel
        waitUntil("the vm-essentials preview", 2, () -> studio.layers().essentialsProperty().get() != null);
        Node preview = robot.lookup("#layer-" + LayerStackViewModel.VM_ESSENTIALS).query();
        assertThat(preview.getStyleClass()).contains("preview");
        assertThat(robot.from(preview).lookup(".chip-name").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("linux-image-cloud-amd64", "systemd-boot-efi");

        robot.clickOn("#build-start");

        waitUntil("the build's result", 20, () -> studio.build().resultProperty().get() != null
                || !studio.build().errorProperty().get().isEmpty());
        assertThat(studio.build().errorProperty().get()).isEmpty();
        assertThat(out.resolve("vm-bookworm.qcow2")).isRegularFile();
        assertThat(out.resolve("vm-bookworm.xml")).isRegularFile();
        assertThat(studio.build().diskProperty().get().domainXml()).isEqualTo(out.resolve("vm-bookworm.xml"));
        for (String step : new String[] {"release", "fetch", "unpack", "configure", "layer", "export", "disk"}) {
            ProgressBar bar = robot.from(buildWindow.getScene().getRoot()).lookup("#step-" + step)
                    .queryAs(ProgressBar.class);
            assertThat(bar.getProgress()).as("progress of step " + step).isEqualTo(1.0);
        }
        Label result = robot.from(buildWindow.getScene().getRoot()).lookup("#build-result").queryAs(Label.class);
        assertThat(result.getText()).contains("vm-bookworm.qcow2").containsPattern("sha256:[0-9a-f]{64}");
        Button boot = robot.from(buildWindow.getScene().getRoot()).lookup("#build-boot").queryAs(Button.class);
        assertThat(boot.isVisible()).isTrue();
        assertThat(boot.isDisabled()).isFalse();
        assertThat(studio.build().log()).anyMatch(l -> l.startsWith("disk: ") || l.startsWith("ext4: "));
    }

    private static void waitUntil(String what, int minutes, java.util.function.BooleanSupplier condition)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (System.nanoTime() < deadline) {
            if (FxToolkit.onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + minutes + " min waiting for " + what);
    }
}
