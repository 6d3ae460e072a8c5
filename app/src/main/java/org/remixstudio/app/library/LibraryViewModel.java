package org.remixstudio.app.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.remixstudio.app.build.BuildRecord;
import org.remixstudio.app.document.SpecEdits;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecFiles;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.spec.RemixSpecWriter;

/**
 * The library: the user's remixes and their builds from the {@link LibraryStore}, with reopen,
 * duplicate (a copy of the spec under a new name beside the original) and delete (the spec file and
 * its entry; the view asks first). Every database and file access runs in the background.
 */
public final class LibraryViewModel {

    private final LibraryStore store;
    private final BackgroundRunner runner;
    private final ObservableList<LibraryEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public LibraryViewModel(LibraryStore store, BackgroundRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    public Task<List<LibraryEntry>> refresh() {
        return background(store::list, entries::setAll);
    }

    /** A remix was saved. */
    public void saved(String name, Path file) {
        background(() -> {
            store.saveRemix(name, file, Instant.now());
            return store.list();
        }, entries::setAll);
    }

    /** A build finished. */
    public void built(BuildRecord record) {
        background(() -> {
            store.saveBuild(record);
            return store.list();
        }, entries::setAll);
    }

    /** Copies the remix to {@code NAME-copy.remix.json} (or -copy-2, …) beside it, renamed inside too. */
    public Task<List<LibraryEntry>> duplicate(LibraryEntry entry) {
        return background(() -> {
            RemixSpec spec = new RemixSpecReader().read(entry.file());
            Path dir = entry.file().toAbsolutePath().getParent();
            String base = RemixSpecFiles.baseName(entry.file()) + "-copy";
            String name = base;
            for (int i = 2; Files.exists(dir.resolve(name + RemixSpecFiles.SPEC_SUFFIX)); i++) {
                name = base + "-" + i;
            }
            Path copy = dir.resolve(name + RemixSpecFiles.SPEC_SUFFIX);
            new RemixSpecWriter().write(SpecEdits.withName(spec, name), copy);
            store.saveRemix(name, copy, Instant.now());
            return store.list();
        }, entries::setAll);
    }

    /** Deletes the spec file (and its lock) and forgets the remix; builds on disk stay. */
    public Task<List<LibraryEntry>> delete(LibraryEntry entry) {
        return background(() -> {
            try {
                Files.deleteIfExists(entry.file());
                if (RemixSpecFiles.isSpecFile(entry.file())) {
                    Files.deleteIfExists(RemixSpecFiles.lockFileFor(entry.file()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + entry.file() + ": " + e.getMessage(), e);
            }
            store.delete(entry.file());
            return store.list();
        }, entries::setAll);
    }

    private <T> Task<T> background(Supplier<T> work, Consumer<T> done) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.get();
            }
        };
        task.setOnSucceeded(e -> {
            error.set("");
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> error.set(task.getException().getMessage()));
        return runner.run("library", task);
    }

    public ObservableList<LibraryEntry> entries() {
        return entries;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
