package org.remixstudio.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.remixstudio.app.document.DocumentViewModel;
import org.remixstudio.app.document.NewRemixDialog;
import org.remixstudio.engine.spec.RemixSpecFiles;

/**
 * The File menu's document commands over the main window: new, open, open recent, save, save as,
 * the license policy, and the unsaved-changes question every command that replaces the document asks
 * first. The dialogs and file choosers are here; the work is the view models'.
 */
final class DocumentCommands {

    private final Studio studio;
    private final Stage stage;
    /** How the unsaved-changes question is asked: a dialog; tests answer it themselves. */
    private Function<String, Dialogs.SaveChoice> askSave;

    DocumentCommands(Studio studio, Stage stage) {
        this.studio = studio;
        this.stage = stage;
        this.askSave = name -> Dialogs.askSave(stage, name);
    }

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

    void setSaveQuestion(Function<String, Dialogs.SaveChoice> ask) {
        this.askSave = ask;
    }

    void newRemix() {
        whenChangesSettled(() -> NewRemixDialog.show(stage, studio.document().spec())
                .ifPresent(spec -> studio.newRemix(spec, this::showError)));
    }

    void open() {
        whenChangesSettled(() -> {
            FileChooser chooser = chooser("Open remix");
            Path file = Optional.ofNullable(chooser.showOpenDialog(stage)).map(File::toPath).orElse(null);
            if (file != null) {
                openFile(file);
            }
        });
    }

    void openFile(Path file) {
        studio.document().open(file, this::showError);
    }

    /** File ▸ License policy…: a policy JSON file (docs/licenses.md) whose findings the impact pane lists. */
    void choosePolicy() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("License policy");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("License policy (*.json)", "*.json"));
        Path current = studio.impact().policyProperty().get();
        if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        Optional.ofNullable(chooser.showOpenDialog(stage)).map(File::toPath).ifPresent(this::setPolicy);
    }

    void setPolicy(Path policy) {
        try {
            studio.setLicensePolicy(policy);
        } catch (IOException e) {
            showError("The license policy applies, but could not be remembered: " + e.getMessage());
        }
    }

    void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : studio.document().recentFiles()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            m.setMnemonicParsing(false);
            m.setOnAction(e -> whenChangesSettled(() -> openFile(p)));
            recent.getItems().add(m);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    void save() {
        if (!studio.document().save(this::showError)) {
            saveAs();
        }
    }

    void saveAs() {
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
        return Optional.ofNullable(chooser.showSaveDialog(stage)).map(File::toPath);
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
    void showError(String message) {
        studio.runner().fxWork().runLater("error dialog", () -> Dialogs.error(stage, "That did not work", message, null));
    }
}
