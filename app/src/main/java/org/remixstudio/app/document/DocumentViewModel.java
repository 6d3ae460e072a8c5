package org.remixstudio.app.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.engine.api.LayerEdit;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecFiles;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.spec.RemixSpecWriter;

/**
 * The open remix: its spec, its file, whether it has unsaved changes, and every edit with undo and
 * redo. Edits are pure functions on the immutable spec ({@link SpecEdits}); each one is recorded in
 * the {@link EditHistory}, autosaved for crash recovery, and announced to the panes that follow the
 * document. Files are read and written by the engine's spec reader and writer on a background thread.
 */
public final class DocumentViewModel {

    private static final String APP = "Remix Studio";

    private final BackgroundRunner runner;
    private final RecentFiles recentFiles;
    private final Autosave autosave;
    private final EditHistory history = new EditHistory(500);

    private final ReadOnlyObjectWrapper<RemixSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final List<Consumer<DocumentChange>> changeListeners = new ArrayList<>();
    private final List<Consumer<Path>> saveListeners = new ArrayList<>();

    public DocumentViewModel(BackgroundRunner runner, RecentFiles recentFiles, Autosave autosave) {
        this.runner = runner;
        this.recentFiles = recentFiles;
        this.autosave = autosave;
        title.bind(Bindings.createStringBinding(() -> (dirty.get() ? "• " : "")
                + (spec.get() == null ? "" : spec.get().name() + " — ") + APP, spec, dirty));
        recent.setAll(recentFiles.list());
    }

    // ---- state

    public ReadOnlyObjectProperty<RemixSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public RemixSpec spec() {
        return spec.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** The last thing worth telling the user (saved, an edit refused); the status bar shows it. */
    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<Path> recentFiles() {
        return recent;
    }

    /** Called after every edit, undo and redo, and when another remix is opened. */
    public void onChange(Consumer<DocumentChange> listener) {
        changeListeners.add(listener);
    }

    /** Called with the file after every successful save. */
    public void onSaved(Consumer<Path> listener) {
        saveListeners.add(listener);
    }

    // ---- documents

    /** Makes {@code newSpec} the open remix, without a file yet. */
    public void newRemix(RemixSpec newSpec) {
        replaceDocument(newSpec, null, false);
    }

    /** Restores unsaved work from a session that ended early; it stays dirty until saved. */
    public void recover(Autosave.Recovered recovered) {
        replaceDocument(recovered.spec(), recovered.file().orElse(null), true);
        message.set("Restored the unsaved changes of your last session");
    }

    /** Reads a spec file in the background; {@code onError} gets the engine's message. */
    public Task<RemixSpec> open(Path path, Consumer<String> onError) {
        Task<RemixSpec> task = new Task<>() {
            @Override
            protected RemixSpec call() {
                return new RemixSpecReader().read(path);
            }
        };
        task.setOnSucceeded(e -> {
            replaceDocument(task.getValue(), path, false);
            remember(path);
            message.set("Opened " + path.getFileName());
        });
        task.setOnFailed(e -> onError.accept(task.getException().getMessage()));
        return runner.run("open", task);
    }

    /** Saves to the document's file; false when it has none yet (the view then asks Save As). */
    public boolean save(Consumer<String> onError) {
        if (file.get() == null) {
            return false;
        }
        saveAs(file.get(), onError);
        return true;
    }

    /** Writes the spec atomically to {@code path} in the background, which becomes the document's file. */
    public Task<Path> saveAs(Path path, Consumer<String> onError) {
        return saveAs(path, onError, () -> { });
    }

    /**
     * Like {@link #saveAs(Path, Consumer)}, then runs {@code onClean} on the FX thread once the write
     * has succeeded and left the document clean (the close prompt's Save closes the window with it).
     */
    public Task<Path> saveAs(Path path, Consumer<String> onError, Runnable onClean) {
        Path target = RemixSpecFiles.isSpecFile(path) ? path
                : path.resolveSibling(path.getFileName() + RemixSpecFiles.SPEC_SUFFIX);
        RemixSpec saved = spec.get();
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() {
                RemixSpec valid = new RemixSpecReader().validate(saved);
                new RemixSpecWriter().write(valid, target);
                return target;
            }
        };
        task.setOnSucceeded(e -> {
            file.set(target);
            // an edit made while saving keeps the document dirty
            dirty.set(spec.get() != saved);
            if (!dirty.get()) {
                runner.run(task(autosave::clear));
            }
            remember(target);
            message.set("Saved " + target.getFileName());
            saveListeners.forEach(l -> l.accept(target));
            if (!dirty.get()) {
                onClean.run();
            }
        });
        task.setOnFailed(e -> onError.accept(task.getException().getMessage()));
        return runner.run("save", task);
    }

    /** The user chose to throw the changes away (closing, or opening another remix). */
    public void discardChanges() {
        dirty.set(false);
        runner.run(task(autosave::clear));
    }

    // ---- edits

    /**
     * Applies an edit; returns the problem when the edit is refused (the spec stays as it was).
     *
     * @param layerEdit the package edit, for the impact pane; null for layer operations
     */
    public Optional<String> apply(String label, UnaryOperator<RemixSpec> edit, LayerEdit layerEdit) {
        RemixSpec before = spec.get();
        RemixSpec after;
        try {
            after = edit.apply(before);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return Optional.of(e.getMessage());
        }
        if (after.equals(before)) {
            return Optional.empty();
        }
        history.record(new EditHistory.Step(label, before, after));
        change(label, before, after, Optional.ofNullable(layerEdit));
        return Optional.empty();
    }

    public void undo() {
        history.undo().ifPresent(s -> change("Undo " + s.label(), s.after(), s.before(), Optional.empty()));
    }

    public void redo() {
        history.redo().ifPresent(s -> change("Redo " + s.label(), s.before(), s.after(), Optional.empty()));
    }

    private void change(String label, RemixSpec before, RemixSpec after, Optional<LayerEdit> edit) {
        spec.set(after);
        dirty.set(true);
        updateHistory();
        message.set(label);
        Path owner = file.get();
        runner.run(task(() -> autosave.write(after, owner)));
        DocumentChange change = new DocumentChange(label, before, after, edit);
        changeListeners.forEach(l -> l.accept(change));
    }

    private void replaceDocument(RemixSpec newSpec, Path path, boolean isDirty) {
        RemixSpec before = spec.get();
        history.clear();
        spec.set(newSpec);
        file.set(path);
        dirty.set(isDirty);
        updateHistory();
        DocumentChange change = new DocumentChange("Open " + newSpec.name(), before, newSpec, Optional.empty());
        changeListeners.forEach(l -> l.accept(change));
    }

    private void updateHistory() {
        canUndo.set(history.nextUndo().isPresent());
        canRedo.set(history.nextRedo().isPresent());
        undoLabel.set(history.nextUndo().map(l -> "Undo " + l).orElse("Undo"));
        redoLabel.set(history.nextRedo().map(l -> "Redo " + l).orElse("Redo"));
    }

    private void remember(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.add(0, abs);
        runner.run(task(() -> recentFiles.add(abs)));
    }

    private static Task<Void> task(Runnable work) {
        return new Task<>() {
            @Override
            protected Void call() {
                work.run();
                return null;
            }
        };
    }
}
