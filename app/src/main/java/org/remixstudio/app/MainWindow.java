package org.remixstudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.beans.binding.Bindings;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.remixstudio.app.build.OutputFolder;
import org.remixstudio.app.catalog.CatalogViewModel;
import org.remixstudio.app.controls.SizeText;
import org.remixstudio.app.controls.Toast;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.remixstudio.app.build.BootConsoleView;
import org.remixstudio.app.build.BuildView;
import org.remixstudio.app.catalog.CatalogView;
import org.remixstudio.app.library.LibraryView;
import org.remixstudio.app.catalog.PackageDetailsView;
import org.remixstudio.app.document.DocumentViewModel;
import org.remixstudio.app.impact.ImpactView;
import org.remixstudio.app.layers.LayerStackView;
import org.remixstudio.app.layers.LayerStackViewModel;

/**
 * The main window: menus, the catalog (left), the layer stack (center), impact and package details
 * (right) and a status bar. Menu items and shortcuts give a keyboard path to every drag.
 */
public final class MainWindow {

    private final Studio studio;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final Toast toast = new Toast();
    private final CatalogView catalogView;
    private final LayerStackView layerView;
    private final Scene scene;
    private final AppIcons icons = AppIcons.shared();
    private Theme theme = Theme.LIGHT;
    private final DocumentCommands documents;

    public MainWindow(Studio studio, Stage stage) {
        this.studio = studio;
        this.stage = stage;
        this.documents = new DocumentCommands(studio, stage);
        LayerStackViewModel layers = studio.layers();
        layerView = new LayerStackView(layers, studio.impact());
        catalogView = new CatalogView(studio.catalog(), layers::addPackage, layers::editableLayers,
                () -> layers.selectedLayerProperty().get(), layerView::removeDragged);
        SplitPane right = new SplitPane(new ImpactView(studio.impact()), new PackageDetailsView(studio.details()));
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45);
        SplitPane main = new SplitPane(catalogView, layerView, right);
        main.setDividerPositions(0.27, 0.70);
        SplitPane.setResizableWithParent(catalogView, false);
        root.setTop(menus());
        root.setCenter(main);
        root.setBottom(statusBar());
        notifyBuilds();
        root.setId("main-window");
        StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toast, new Insets(0, 16, 40, 0));
        StackPane top = new StackPane(root, toast);
        top.setId("studio-root");
        scene = new Scene(top, 1440, 900);
        theme.apply(scene);
        stage.setScene(scene);
        icons.applyTo(stage);
        stage.titleProperty().bind(studio.document().titleProperty());
        stage.setOnCloseRequest(e -> {
            // the close goes on only after the prompt, and after the save it may ask for has finished
            if (studio.document().isDirty()) {
                e.consume();
                documents.whenChangesSettled(stage::close);
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    public void setTheme(Theme t) {
        theme = t;
        t.apply(scene);
        for (Stage s : new Stage[] {buildStage, libraryStage}) {
            if (s != null) {
                t.apply(s.getScene());
            }
        }
    }

    public Theme theme() {
        return theme;
    }

    private MenuBar menus() {
        DocumentViewModel doc = studio.document();
        LayerStackViewModel layers = studio.layers();

        MenuItem newRemix = item("New remix…", "Shortcut+N", documents::newRemix);
        MenuItem open = item("Open…", "Shortcut+O", documents::open);
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> documents.fillRecent(recent));
        documents.fillRecent(recent);
        doc.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> documents.fillRecent(recent));
        MenuItem save = item("Save", "Shortcut+S", documents::save);
        MenuItem saveAs = item("Save as…", "Shortcut+Shift+S", documents::saveAs);
        MenuItem build = item("Build & export…", "Shortcut+B", () -> openBuild());
        MenuItem library = item("Library…", "Shortcut+Shift+L", () -> openLibrary());
        MenuItem policy = item("License policy…", null, documents::choosePolicy);
        policy.setId("menu-license-policy");
        MenuItem noPolicy = item("No license policy", null, () -> documents.setPolicy(null));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> documents.whenChangesSettled(stage::close));
        Menu file = new Menu("_File", null, newRemix, open, recent, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), build, library, new SeparatorMenuItem(), policy, noPolicy,
                new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", "Shortcut+Z", doc::undo);
        undo.textProperty().bind(doc.undoLabelProperty());
        undo.disableProperty().bind(doc.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", doc::redo);
        redo.textProperty().bind(doc.redoLabelProperty());
        redo.disableProperty().bind(doc.canRedoProperty().not());
        MenuItem find = item("Find package", "Shortcut+F", catalogView::focusSearch);
        MenuItem addTo = item("Add to layer…", "Shortcut+Enter", this::addSelectedToLayer);
        MenuItem remove = item("Remove from layer", null, this::removeSelectedPackage);
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), find, addTo, remove);

        MenuItem addLayer = item("Add layer", "Shortcut+L", layers::addLayer);
        MenuItem rename = item("Rename layer…", "F2", layerView::rename);
        MenuItem up = item("Move layer up", "Alt+Up", () -> selectedLayer().ifPresent(l -> layers.moveLayer(l, 1)));
        MenuItem down = item("Move layer down", "Alt+Down",
                () -> selectedLayer().ifPresent(l -> layers.moveLayer(l, -1)));
        MenuItem merge = item("Merge into the layer below", null, () -> selectedLayer().ifPresent(layers::mergeDown));
        MenuItem delete = item("Delete layer", null, () -> selectedLayer().ifPresent(layers::deleteLayer));
        Menu layer = new Menu("_Layer", null, addLayer, rename, up, down, merge, delete);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(true);
        light.setOnAction(e -> setTheme(Theme.LIGHT));
        dark.setOnAction(e -> setTheme(Theme.DARK));
        Menu view = new Menu("_View", null, light, dark);
        MenuBar bar = new MenuBar(file, edit, layer, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /**
     * ControlsFX's status bar: the document's last message on the left, the catalog's loading
     * progress while it loads (hidden otherwise), the file on the right.
     */
    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(studio.document().messageProperty());
        CatalogViewModel catalog = studio.catalog();
        bar.progressProperty().bind(Bindings.when(catalog.loadingProperty())
                .then(catalog.progressProperty()).otherwise(0.0));
        Label file = new Label();
        file.getStyleClass().add("muted");
        file.textProperty().bind(studio.document().fileProperty().asString().map(s -> s.equals("null") ? "Not saved yet" : s));
        bar.getRightItems().add(file);
        return bar;
    }

    /** A message over the window at the end of every build: what was built, with "Show in folder". */
    private void notifyBuilds() {
        studio.build().resultProperty().addListener((o, a, r) -> {
            if (r == null) {
                return;
            }
            toast.show("Build finished", r.output().getFileName() + " — " + SizeText.bytes(r.size())
                            + (r.digest().isEmpty() ? "" : "\n" + r.digest().substring(0, Math.min(19, r.digest().length())) + "…"),
                    "Show in folder", () -> OutputFolder.show(r.output()), Duration.seconds(10), false);
        });
        studio.build().errorDetailsProperty().addListener((o, a, failure) -> {
            if (failure != null) {
                toast.show("Build failed", studio.build().errorProperty().get(), "Open the build window",
                        this::openBuild, Duration.seconds(10), true);
            }
        });
    }

    private Optional<String> selectedLayer() {
        String l = studio.layers().selectedLayerProperty().get();
        return l == null || LayerStackViewModel.BASE.equals(l) ? Optional.empty() : Optional.of(l);
    }

    private void addSelectedToLayer() {
        String pkg = studio.catalog().selectedProperty().get();
        List<String> layers = studio.layers().editableLayers();
        if (pkg == null || layers.isEmpty()) {
            studio.document().messageProperty().set(pkg == null ? "Select a package in the catalog first"
                    : "Add a layer first");
            return;
        }
        String preset = selectedLayer().orElse(layers.get(layers.size() - 1));
        ChoiceDialog<String> dialog = new ChoiceDialog<>(preset, layers);
        dialog.initOwner(stage);
        dialog.setTitle("Add to layer");
        dialog.setHeaderText("Add " + pkg + " to which layer?");
        dialog.showAndWait().ifPresent(l -> studio.layers().addPackage(l, pkg));
    }

    private void removeSelectedPackage() {
        String pkg = studio.layers().selectedPackageProperty().get();
        String layer = studio.layers().selectedLayerProperty().get();
        if (pkg == null || layer == null) {
            studio.document().messageProperty().set("Select a package on a layer first");
            return;
        }
        studio.layers().removePackage(layer, pkg);
    }

    // ---- documents

    public void setSaveQuestion(java.util.function.Function<String, Dialogs.SaveChoice> ask) {
        documents.setSaveQuestion(ask);
    }

    /** Opens the remix in {@code file}, reading it in the background. */
    public void openFile(Path file) {
        documents.openFile(file);
    }

    /** An engine's message in a dialog over the window, shown in a turn of its own. */
    public void showError(String message) {
        documents.showError(message);
    }

    // ---- other windows

    private Stage buildStage;
    private Stage consoleStage;
    private Stage libraryStage;

    /** The Build & export window (one, reused). */
    public Stage openBuild() {
        if (buildStage == null) {
            buildStage = child("Build & export", new BuildView(studio.build(), this::bootLastDisk), 720, 680);
        }
        if (studio.build().fileNameProperty().get().isBlank() || !studio.build().runningProperty().get()) {
            studio.build().suggestNames();
        }
        buildStage.show();
        buildStage.toFront();
        return buildStage;
    }

    /** "Boot it": the console window (one, reused) and the boot of the last disk built. */
    public Stage bootLastDisk() {
        if (consoleStage == null) {
            consoleStage = child("Console", new BootConsoleView(studio.build().console()), 900, 560);
            consoleStage.setOnHidden(e -> studio.build().console().stop());
        }
        consoleStage.setTitle("Console of " + studio.build().diskProperty().get().image().getFileName()
                + " — Remix Studio");
        consoleStage.show();
        consoleStage.toFront();
        studio.build().boot();
        return consoleStage;
    }

    public Stage openLibrary() {
        if (libraryStage == null) {
            libraryStage = child("Library", new LibraryView(studio.library(),
                    entry -> documents.whenChangesSettled(() -> documents.openFile(entry.file()))), 820, 480);
        }
        studio.library().refresh();
        libraryStage.show();
        libraryStage.toFront();
        return libraryStage;
    }

    private Stage child(String title, javafx.scene.Parent content, double w, double h) {
        Stage s = new Stage();
        s.initOwner(stage);
        s.setTitle(title + " — Remix Studio");
        icons.applyTo(s);
        Scene sc = new Scene(content, w, h);
        theme.apply(sc);
        s.setScene(sc);
        return s;
    }

    public CatalogView catalogView() {
        return catalogView;
    }

    public LayerStackView layerView() {
        return layerView;
    }
}
