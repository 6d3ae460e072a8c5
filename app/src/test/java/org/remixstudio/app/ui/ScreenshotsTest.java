package org.remixstudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.MainWindow;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioFixture;
import org.remixstudio.app.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Writes docs/images/studio-light.png and studio-dark.png: the main window with a remix of three
 * layers on the fixture archive, a package selected and an edit's impact shown, for the README.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    @TempDir
    static Path dir;
    private static StudioFixture fixture;
    private Studio studio;
    private MainWindow window;

    @BeforeAll
    static void archive() {
        fixture = StudioFixture.create(dir);
    }

    @Start
    void start(Stage stage) {
        studio = new Studio(fixture.options());
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
        FxToolkit.waitFor("the remix", () -> studio.layers().planProperty().get() != null);
        FxToolkit.onFx(() -> {
            studio.layers().renameLayer("apps", "web");
            studio.layers().addPackage("web", "webserver");
            studio.layers().addLayer();
            studio.layers().renameLayer("layer-2", "tools");
            studio.layers().addPackage("tools", "curl");
            studio.layers().addPackage("tools", "jq");
            studio.layers().addPackage("tools", "htop");
            studio.catalog().queryProperty().set("lib");
        });
        FxToolkit.waitFor("the plan", () -> !studio.layers().planningProperty().get()
                && studio.layers().items().size() == 3 && studio.layers().planProperty().get().layers().size() == 3);
        FxToolkit.waitFor("the impact", () -> !studio.impact().busyProperty().get());
        FxToolkit.onFx(() -> {
            studio.layers().selectedLayerProperty().set("web");
            studio.layers().selectedPackageProperty().set("webserver");
        });
        FxToolkit.waitFor("details", () -> studio.details().infoProperty().get() != null
                && !studio.catalog().searching());
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
}
