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
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.remixstudio.app.build.BootConsoleView;
import org.remixstudio.app.build.BuildView;
import org.remixstudio.app.catalog.CatalogView;
import org.remixstudio.app.library.LibraryView;
import org.remixstudio.app.catalog.PackageDetailsView;
import org.remixstudio.app.document.DocumentViewModel;
import org.remixstudio.app.document.NewRemixDialog;
import org.remixstudio.app.impact.ImpactView;
import org.remixstudio.app.layers.LayerStackView;
import org.remixstudio.app.layers.LayerStackViewModel;
import org.remixstudio.engine.spec.RemixSpecFiles;

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
    /** How the unsaved-changes question is asked: a dialog; tests answer it themselves. */
    private java.util.function.Function<String, Dialogs.SaveChoice> askSave;

    public MainWindow(Studio studio, Stage stage) {
        this.studio = studio;
        this.stage = stage;
        this.askSave = name -> Dialogs.askSave(stage, name);
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
                whenChangesSettled(stage::close);
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

        MenuItem newRemix = item("New remix…", "Shortcut+N", this::newRemix);
        MenuItem open = item("Open…", "Shortcut+O", this::open);
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        doc.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent(recent));
        MenuItem save = item("Save", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save as…", "Shortcut+Shift+S", this::saveAs);
        MenuItem build = item("Build & export…", "Shortcut+B", () -> openBuild());
        MenuItem library = item("Library…", "Shortcut+Shift+L", () -> openLibrary());
        MenuItem policy = item("License policy…", null, this::choosePolicy);
        policy.setId("menu-license-policy");
        MenuItem noPolicy = item("No license policy", null, () -> setPolicy(null));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> whenChangesSettled(stage::close));
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

    /**
     * Runs {@code then} when there are no unsaved changes, or once the user has dropped them or they
     * are saved: Save writes in the background and {@code then} follows when the write succeeded
     * (a failed write shows the error and leaves everything open). Cancel, or cancelling the file
     * chooser, runs nothing.
     */
    void whenChangesSettled(Runnable then) {
        DocumentViewModel doc = studio.document();
        if (!doc.isDirty()) {
            then.run();
            return;
        }
        switch (askSave.apply(doc.spec().name())) {
            case SAVE -> saveTarget(doc.fileProperty().get()).ifPresent(target -> doc.saveAs(target, this::showError, then));
            case DISCARD -> {
                doc.discardChanges();
                then.run();
            }
            case CANCEL -> { }
        }
    }

    public void setSaveQuestion(java.util.function.Function<String, Dialogs.SaveChoice> ask) {
        this.askSave = ask;
    }

    private void newRemix() {
        whenChangesSettled(() -> NewRemixDialog.show(stage, studio.document().spec())
                .ifPresent(spec -> studio.newRemix(spec, this::showError)));
    }

    private void open() {
        whenChangesSettled(() -> {
            FileChooser chooser = chooser("Open remix");
            Path file = Optional.ofNullable(chooser.showOpenDialog(stage)).map(java.io.File::toPath).orElse(null);
            if (file != null) {
                openFile(file);
            }
        });
    }

    public void openFile(Path file) {
        studio.document().open(file, this::showError);
    }

    /** File ▸ License policy…: a policy JSON file (docs/licenses.md) whose findings the impact pane lists. */
    private void choosePolicy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("License policy");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("License policy (*.json)", "*.json"));
        Path current = studio.impact().policyProperty().get();
        if (current != null && current.getParent() != null && java.nio.file.Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        Optional.ofNullable(chooser.showOpenDialog(stage)).map(java.io.File::toPath).ifPresent(this::setPolicy);
    }

    private void setPolicy(Path policy) {
        try {
            studio.setLicensePolicy(policy);
        } catch (java.io.IOException e) {
            showError("The license policy applies, but could not be remembered: " + e.getMessage());
        }
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : studio.document().recentFiles()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> whenChangesSettled(() -> openFile(p)));
            recent.getItems().add(m);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private void save() {
        if (!studio.document().save(this::showError)) {
            saveAs();
        }
    }

    private void saveAs() {
        saveAs(null);
    }

    /** Saves to {@code known}, or asks where when it is null. */
    private void saveAs(Path known) {
        saveTarget(known).ifPresent(target -> studio.document().saveAs(target, this::showError));
    }

    /** {@code known}, or the file the user chooses (empty when they cancel). */
    private Optional<Path> saveTarget(Path known) {
        if (known != null) {
            return Optional.of(known);
        }
        FileChooser chooser = chooser("Save remix");
        chooser.setInitialFileName(studio.document().spec().name() + RemixSpecFiles.SPEC_SUFFIX);
        return Optional.ofNullable(chooser.showSaveDialog(stage)).map(java.io.File::toPath);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Remix specs", "*" + RemixSpecFiles.SPEC_SUFFIX));
        Path f = studio.document().fileProperty().get();
        if (f != null && f.getParent() != null) {
            chooser.setInitialDirectory(f.getParent().toFile());
        }
        return chooser;
    }

    /** An engine's message in a dialog over the window, shown in a turn of its own. */
    public void showError(String message) {
        studio.runner().fxWork().runLater("error dialog", () -> Dialogs.error(stage, "That did not work", message, null));
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
                    entry -> whenChangesSettled(() -> openFile(entry.file()))), 820, 480);
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
