package org.remixstudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
import org.remixstudio.app.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Writes docs/images/studio-light.png and studio-dark.png for the README: the main window (the
 * scene at its fixed 1440×900) with a realistic remix on the real bookworm catalog of the host's
 * sources — minbase, a {@code web} layer with nginx and a {@code tools} layer with curl, git and
 * vim — nginx selected on its layer, the last edit's impact shown and "nginx" typed in the search.
 * Uses the engine's archive tests' cache, so the catalog is normally read from there.
 */
@Tag("archive")
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");

    @TempDir
    static Path dir;
    private Studio studio;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        studio = new Studio(new StudioOptions(EngineSettings.defaults().withCacheDir(CACHE),
                StudioPaths.under(dir.resolve("home")), BaseVariant.MINBASE));
        window = new MainWindow(studio, stage);
        stage.show();
        studio.start(r -> false);
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    @Test
    void mainWindow_lightAndDark(FxRobot robot) throws Exception {
        waitUntil("the bookworm catalog and the start remix", () -> studio.layers().planProperty().get() != null);
        FxToolkit.onFx(() -> {
            studio.layers().renameLayer("apps", "web");
            studio.layers().addPackage("web", "nginx");
            studio.layers().addLayer();
            studio.layers().renameLayer("layer-2", "tools");
            studio.layers().addPackage("tools", "curl");
            studio.layers().addPackage("tools", "git");
            studio.layers().addPackage("tools", "vim");
            studio.catalog().queryProperty().set("nginx");
        });
        waitUntil("the plan", () -> !studio.layers().planningProperty().get()
                && studio.layers().items().size() == 3 && studio.layers().planProperty().get().layers().size() == 3);
        waitUntil("the impact", () -> !studio.impact().busyProperty().get());
        FxToolkit.onFx(() -> {
            studio.layers().selectedLayerProperty().set("web");
            studio.layers().selectedPackageProperty().set("nginx");
            // no blinking caret in the search field: the same picture every time
            window.layerView().requestFocus();
        });
        waitUntil("details", () -> studio.details().infoProperty().get() != null && !studio.catalog().searching()
                && !studio.catalog().rows().isEmpty());
        Path images = Path.of(System.getProperty("user.dir")).resolve("../docs/images").normalize();
        Files.createDirectories(images);
        for (Theme theme : Theme.values()) {
            FxToolkit.onFx(() -> window.setTheme(theme));
            Thread.sleep(400);
            WritableImage image = FxToolkit.onFx(() -> window.scene().snapshot(null));
            Path file = images.resolve("studio-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            assertThat(file).isNotEmptyFile();
        }
        FxToolkit.onFx(() -> window.setTheme(Theme.LIGHT));
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (FxToolkit.onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
