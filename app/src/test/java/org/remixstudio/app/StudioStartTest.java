package org.remixstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecWriter;

/** Starting the studio on a remix file named on its command line, on the fixture archive. */
class StudioStartTest {

    @TempDir
    static Path dir;
    private static StudioFixture fixture;

    @BeforeAll
    static void archive() {
        fixture = StudioFixture.create(dir);
    }

    private static Studio studio() throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        StudioOptions options = new StudioOptions(fixture.options().engine(), StudioPaths.under(home),
                fixture.options().startVariant());
        return FxToolkit.onFx(() -> new Studio(options));
    }

    @Test
    void aFileOnTheCommandLine_opensInsteadOfANewRemix() throws Exception {
        Studio first = studio();
        FxToolkit.onFx(() -> first.start(r -> false));
        FxToolkit.waitFor("the start remix", () -> first.document().spec() != null);
        RemixSpec start = FxToolkit.onFx(() -> first.document().spec());
        first.close();
        RemixSpec named = new RemixSpec(start.specVersion(), "from-the-command-line", "", start.sources(),
                start.suite(), start.architecture(), start.variant(), start.recommends(),
                List.of(new LayerSpec("tools", List.of(PackageRef.of("jq")), List.of())), start.customizations(),
                start.container(), start.timestamp());
        Path file = dir.resolve("named.remix.json");
        new RemixSpecWriter().write(named, file);

        Studio studio = studio();
        List<String> errors = new CopyOnWriteArrayList<>();
        FxToolkit.onFx(() -> studio.start(r -> false, file, errors::add));

        FxToolkit.waitFor("the named remix", () -> studio.document().spec() != null
                && studio.document().spec().name().equals("from-the-command-line")
                && studio.layers().planProperty().get() != null);
        assertThat(FxToolkit.onFx(() -> studio.document().fileProperty().get())).isEqualTo(file);
        assertThat(FxToolkit.onFx(() -> studio.document().spec().layers().get(0).add()))
                .containsExactly(PackageRef.of("jq"));
        assertThat(errors).isEmpty();
        studio.close();
    }

    @Test
    void anUnreadableFile_isReported_andANewRemixOpens() throws Exception {
        Path broken = dir.resolve("broken.remix.json");
        Files.writeString(broken, "{ \"specVersion\": 1, \"name\": ");
        Studio studio = studio();
        List<String> errors = new CopyOnWriteArrayList<>();
        FxToolkit.onFx(() -> studio.start(r -> false, broken, errors::add));

        FxToolkit.waitFor("the start remix", () -> studio.document().spec() != null);
        assertThat(FxToolkit.onFx(() -> studio.document().spec().name())).isEqualTo(Studio.START_NAME);
        assertThat(errors).singleElement().asString().contains("broken.remix.json");
        studio.close();
    }
}
