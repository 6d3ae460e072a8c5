package org.remixstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** The studio's icon on its windows, and its desktop entry and file type checked by freedesktop.org's tools. */
class AppIconsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everySizeLoads_atItsSize() throws Exception {
        List<Image> images = FxToolkit.onFx(() -> AppIcons.load().images());

        assertThat(images).hasSize(AppIcons.SIZES.length);
        for (int i = 0; i < images.size(); i++) {
            assertThat(images.get(i).isError()).isFalse();
            assertThat(images.get(i).getWidth()).isEqualTo(AppIcons.SIZES[i]);
            assertThat(images.get(i).getHeight()).isEqualTo(AppIcons.SIZES[i]);
        }
    }

    @Test
    void theMainWindowAndItsChildWindowsCarryTheIcon() throws Exception {
        Path home = Files.createTempDirectory("icons-home");
        Studio studio = FxToolkit.onFx(() -> new Studio(new StudioOptions(
                org.remixstudio.engine.api.EngineSettings.defaults().withOffline(true)
                        .withCacheDir(home.resolve("cache")), StudioPaths.under(home),
                org.remixstudio.engine.resolve.BaseVariant.MINBASE)));
        try {
            List<Integer> counts = FxToolkit.onFx(() -> {
                Stage stage = new Stage();
                MainWindow window = new MainWindow(studio, stage);
                Stage library = window.openLibrary();
                List<Integer> sizes = List.of(stage.getIcons().size(), library.getIcons().size());
                library.hide();
                return sizes;
            });
            assertThat(counts).containsExactly(AppIcons.SIZES.length, AppIcons.SIZES.length);
        } finally {
            studio.close();
        }
    }

    @Test
    void desktopEntry_isValid_andNamesTheIconAndTheSpecFileType() throws Exception {
        Path entry = ROOT.resolve("installers/remix-studio.desktop");
        Path mime = ROOT.resolve("installers/remix-studio-mime.xml");

        assertThat(run("desktop-file-validate", entry.toString())).isEmpty();
        run("xmllint", "--noout", mime.toString());
        String desktop = Files.readString(entry);
        assertThat(desktop).contains("Icon=remix-studio\n", "Exec=remix-studio %f\n",
                "MimeType=application/x-remix-spec+json;\n");
        assertThat(Files.readString(mime)).contains("type=\"application/x-remix-spec+json\"",
                "pattern=\"*.remix.json\"");
        assertThat(ROOT.resolve("icons/remix-studio.svg")).isRegularFile();
    }

    /** Runs a tool that must succeed; its output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out.strip();
    }
}
