package org.remixstudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
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
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.resolve.BaseVariant;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Builds a container tarball through the studio's Build &amp; export window from the host's real
 * sources: a bookworm minbase remix with one small package, started with the Build button, watched
 * until every step's progress bar is full and the result shows the image's digest, and the
 * end-of-build message offers "Show in folder". "Compress" is ticked, so the layers are zstd. A build needs a
 * real base with dpkg, so the fixture archive cannot serve here; the engine's archive tests' cache
 * is reused, so the base layer normally comes from the layer cache.
 */
@Tag("archive")
@ExtendWith(ApplicationExtension.class)
class StudioBuildArchiveTest {

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
    void buildContainerTarball_throughTheBuildWindow_progressReachesTheEnd_andShowsTheDigest(FxRobot robot)
            throws Exception {
        waitUntil("the bookworm catalog and the start remix", 10, () -> studio.document().spec() != null
                && studio.layers().planProperty().get() != null);
        FxToolkit.onFx(() -> studio.layers().addPackage("apps", "hello"));
        waitUntil("the plan with hello", 1, () -> !studio.layers().planningProperty().get()
                && studio.layers().planProperty().get().packages().stream().anyMatch(p -> p.name().equals("hello")));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Stage buildWindow = FxToolkit.onFx(() -> {
            Stage s = window.openBuild();
            studio.build().directoryProperty().set(out);
            return s;
        });
        assertThat(studio.build().fileNameProperty().get()).isEqualTo("my-remix.tar");
        CheckBox compress = robot.from(buildWindow.getScene().getRoot()).lookup("#build-compress").queryAs(CheckBox.class);
        assertThat(compress.getText()).startsWith("zstd layers");
        robot.clickOn(compress);
        assertThat(studio.build().compressProperty().get()).isTrue();

        robot.clickOn("#build-start");

        waitUntil("the build's result", 10, () -> studio.build().resultProperty().get() != null
                || !studio.build().errorProperty().get().isEmpty());
        assertThat(studio.build().errorProperty().get()).isEmpty();
        assertThat(out.resolve("my-remix.tar")).isRegularFile();
        for (String step : new String[] {"release", "fetch", "unpack", "configure", "layer", "export"}) {
            ProgressBar bar = robot.from(buildWindow.getScene().getRoot()).lookup("#step-" + step).queryAs(ProgressBar.class);
            assertThat(bar.getProgress()).as("progress of step " + step).isEqualTo(1.0);
        }
        Label result = robot.from(buildWindow.getScene().getRoot()).lookup("#build-result").queryAs(Label.class);
        assertThat(result.isVisible()).isTrue();
        assertThat(result.getText()).contains("my-remix.tar").containsPattern("sha256:[0-9a-f]{64}");
        // zstd layers, as ticked: skopeo reads the manifest of the OCI side
        String manifest = org.remixstudio.engine.testing.ContainerTools.sh("skopeo", "inspect", "--raw",
                "oci-archive:" + out.resolve("my-remix.tar"));
        assertThat(manifest).contains("application/vnd.oci.image.layer.v1.tar+zstd")
                .doesNotContain("application/vnd.oci.image.layer.v1.tar+gzip");
        // and the end-of-build message offers to show the tarball in its folder
        waitUntil("the message", 1, () -> robot.lookup(".toast").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertThat(robot.lookup(".toast .toast-action").queryAs(javafx.scene.control.Button.class).getText())
                .isEqualTo("Show in folder");
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
