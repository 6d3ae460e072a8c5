package org.remixstudio.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.MainWindow;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioFixture;
import org.remixstudio.app.catalog.CatalogRow;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real studio (headless, Monocle) on the fixture archive: search, drag a package onto a
 * layer with the impact shown before and after the drop, undo and redo, remove, add and reorder
 * layers, save and reopen.
 */
@ExtendWith(ApplicationExtension.class)
class StudioUiTest {

    @TempDir
    static Path shared;
    private static StudioFixture fixture;

    private Studio studio;
    private MainWindow window;

    @BeforeAll
    static void archive() {
        fixture = StudioFixture.create(shared);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory(shared, "home");
        var options = fixture.options();
        options = new org.remixstudio.app.StudioOptions(options.engine(),
                org.remixstudio.app.StudioPaths.under(home), options.startVariant());
        studio = new Studio(options);
        window = new MainWindow(studio, stage);
        stage.show();
        studio.start(r -> false);
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    private void waitForRemix() throws Exception {
        FxToolkit.waitFor("the start remix", () -> studio.document().spec() != null
                && studio.layers().planProperty().get() != null);
    }

    /** The stack redraws when a plan arrives; gestures wait for that so they hit live nodes. */
    private void waitForPlan() throws Exception {
        // the license stream republishes the layer cards as copyright files are read: a drag must not
        // grab a card that is about to be replaced
        FxToolkit.waitFor("the plan and its licenses", () -> !studio.layers().planningProperty().get()
                && !studio.layers().licensesPendingProperty().get());
        Thread.sleep(100);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void searchDragImpactUndoRedoRemove(FxRobot robot) throws Exception {
        waitForRemix();
        assertThat(robot.lookup("#layer-apps").tryQuery()).isPresent();

        robot.clickOn("#catalog-search").write("webserver");
        FxToolkit.waitFor("search results", () -> studio.catalog().rows().stream()
                .anyMatch(r -> r.name().equals("webserver")));
        ListView<CatalogRow> list = robot.lookup("#catalog-list").queryListView();
        waitForPlan();
        Node row = robot.lookup(".catalog-row").match(n -> robot.from(n).lookup(".row-name")
                .queryAs(Label.class).getText().equals("webserver")).query();

        // drag over the layer: the impact pane answers before the drop
        robot.drag(row, MouseButton.PRIMARY).moveTo("#layer-apps");
        FxToolkit.waitFor("the preview", () -> studio.impact().previewingProperty().get()
                && studio.impact().summaryProperty().get() != null);
        assertThat(text(robot, "#impact-heading")).contains("Dropping webserver on apps");
        assertThat(text(robot, "#impact-counts")).isEqualTo("+4 / −0");
        assertThat(text(robot, "#impact-installed")).startsWith("0 B → 9.1 MB");
        robot.drop();

        FxToolkit.waitFor("the edit", () -> studio.document().spec().layers().get(0).add()
                .contains(PackageRef.of("webserver")));
        FxToolkit.waitFor("the edit's impact", () -> !studio.impact().previewingProperty().get()
                && !studio.impact().busyProperty().get() && studio.impact().summaryProperty().get() != null);
        assertThat(text(robot, "#impact-heading")).isEqualTo("Add webserver to apps");
        assertThat(text(robot, "#impact-counts")).isEqualTo("+4 / −0");
        FxToolkit.waitFor("the plan", () -> studio.layers().planProperty().get().installedSize() == 8860);
        assertThat(robot.lookup("#chip-apps-webserver").tryQuery()).isPresent();
        assertThat(studio.document().isDirty()).isTrue();
        assertThat(robot.window(0).getScene().getWindow()).isNotNull();

        // undo and redo
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        FxToolkit.waitFor("undo", () -> studio.document().spec().layers().get(0).add().isEmpty());
        FxToolkit.waitFor("the undo's impact", () -> studio.impact().summaryProperty().get() != null
                && studio.impact().summaryProperty().get().removed().size() == 4);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        FxToolkit.waitFor("redo", () -> !studio.document().spec().layers().get(0).add().isEmpty());
        FxToolkit.waitFor("the chip", () -> robot.lookup("#chip-apps-webserver").tryQuery().isPresent());

        // remove with the keyboard: select the chip, press Delete
        waitForPlan();
        robot.clickOn("#chip-apps-webserver").type(KeyCode.DELETE);
        FxToolkit.waitFor("removal", () -> studio.document().spec().layers().get(0).add().isEmpty());
        FxToolkit.waitFor("the removal's impact", () -> studio.impact().summaryProperty().get() != null
                && studio.impact().titleProperty().get().equals("Remove webserver from apps")
                && !studio.impact().busyProperty().get());
        assertThat(text(robot, "#impact-counts")).isEqualTo("+0 / −4");
        assertThat(list.getItems()).isNotEmpty();
    }

    @Test
    void draggingAGplPackageOverALayer_showsGplEntering(FxRobot robot) throws Exception {
        waitForRemix();
        robot.clickOn("#catalog-search").write("hello");
        FxToolkit.waitFor("search results", () -> studio.catalog().rows().stream()
                .anyMatch(r -> r.name().equals("hello")));
        waitForPlan();
        Node row = robot.lookup(".catalog-row").match(n -> robot.from(n).lookup(".row-name")
                .queryAs(Label.class).getText().equals("hello")).query();

        robot.drag(row, MouseButton.PRIMARY).moveTo("#layer-apps");
        FxToolkit.waitFor("the licenses of the preview", () -> studio.impact().previewingProperty().get()
                && studio.impact().licensesProperty().get() != null
                && studio.impact().licensesProperty().get().complete());
        FxToolkit.waitFor("the pane", () -> robot.lookup("#impact-licenses-entering .license-strong-copyleft")
                .tryQuery().isPresent());
        Label gpl = robot.lookup("#impact-licenses-entering .license-strong-copyleft").queryAs(Label.class);
        assertThat(gpl.getText()).isEqualTo("GPL-3.0-or-later");
        assertThat(robot.lookup("#impact-licenses-spinner").query().isVisible()).isFalse();
        robot.drop();
        FxToolkit.waitFor("the edit", () -> studio.document().spec().layers().get(0).add()
                .contains(PackageRef.of("hello")));
    }

    @Test
    void addAndReorderLayers_thenSaveAndReopen(FxRobot robot) throws Exception {
        waitForRemix();
        FxToolkit.onFx(() -> studio.layers().addPackage("apps", "hello"));
        waitForPlan();
        robot.clickOn("#add-layer");
        FxToolkit.waitFor("a second layer", () -> studio.document().spec().layers().size() == 2);
        assertThat(studio.document().spec().layers().get(1).name()).isEqualTo("layer-2");
        FxToolkit.onFx(() -> studio.layers().addPackage("layer-2", "curl"));
        FxToolkit.waitFor("the card", () -> robot.lookup("#layer-layer-2").tryQuery().isPresent());

        // reorder with the toolbar: layer-2 (selected, on top) moves down below apps
        waitForPlan();
        robot.clickOn("#layer-layer-2");
        robot.clickOn("#move-layer-down");
        FxToolkit.waitFor("reordered", () -> studio.document().spec().layers().get(0).name().equals("layer-2"));
        // and back by dragging its card onto the other layer's place
        waitForPlan();
        robot.drag("#layer-layer-2 .grip", MouseButton.PRIMARY).dropTo("#layer-apps");
        FxToolkit.waitFor("dragged back", () -> studio.document().spec().layers().get(0).name().equals("apps"));

        Path file = shared.resolve("saved-" + System.nanoTime() + ".remix.json");
        FxToolkit.onFx(() -> studio.document().saveAs(file, e -> { throw new AssertionError(e); }));
        FxToolkit.waitFor("saved", () -> !studio.document().isDirty());
        assertThat(window.scene().getWindow()).isInstanceOf(Stage.class);
        assertThat(((Stage) window.scene().getWindow()).getTitle()).isEqualTo("my-remix — Remix Studio");
        RemixSpec saved = new RemixSpecReader().read(file);
        assertThat(saved.layers()).extracting(l -> l.name()).containsExactly("apps", "layer-2");

        FxToolkit.onFx(() -> studio.layers().addLayer());
        FxToolkit.waitFor("dirty", () -> studio.document().isDirty());
        assertThat(((Stage) window.scene().getWindow()).getTitle()).startsWith("• ");
        FxToolkit.onFx(() -> {
            studio.document().discardChanges();
            studio.document().open(file, e -> { throw new AssertionError(e); });
        });
        FxToolkit.waitFor("reopened", () -> studio.document().spec().layers().size() == 2
                && file.equals(studio.document().fileProperty().get()));
        assertThat(studio.document().spec()).isEqualTo(saved);
        assertThat(studio.document().recentFiles()).first().isEqualTo(file.toAbsolutePath().normalize());
    }

    @Test
    void closePrompt_save_savesThenCloses() throws Exception {
        waitForRemix();
        Stage stage = (Stage) window.scene().getWindow();
        Path file = shared.resolve("close-" + System.nanoTime() + ".remix.json");
        FxToolkit.onFx(() -> {
            javafx.application.Platform.setImplicitExit(false);
            studio.document().saveAs(file, e -> { throw new AssertionError(e); });
        });
        // a new remix is not dirty to begin with: wait for the save itself
        FxToolkit.waitFor("saved", () -> !studio.document().isDirty()
                && file.equals(studio.document().fileProperty().get()));
        FxToolkit.onFx(() -> {
            studio.layers().addLayer();
            window.setSaveQuestion(name -> org.remixstudio.app.Dialogs.SaveChoice.SAVE);
        });
        FxToolkit.waitFor("dirty", () -> studio.document().isDirty());

        FxToolkit.onFx(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));

        FxToolkit.waitFor("closed", () -> !stage.isShowing());
        assertThat(studio.document().isDirty()).isFalse();
        assertThat(new RemixSpecReader().read(file).layers()).hasSize(2);
    }
}
