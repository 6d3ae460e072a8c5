package org.remixstudio.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.tasks.BackgroundRunner;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecReader;

class DocumentViewModelTest {

    @TempDir
    Path dir;
    private final BackgroundRunner runner = new BackgroundRunner(1);

    @AfterEach
    void close() throws Exception {
        // the edits' autosave writes run in order on the runner's one thread: once a last task has run,
        // none is still writing into the temporary directory JUnit is about to delete
        Task<Void> last = runner.run(new Task<>() {
            @Override
            protected Void call() {
                return null;
            }
        });
        FxToolkit.waitFor("the autosave writes", last::isDone);
        runner.close();
    }

    private DocumentViewModel vm() throws Exception {
        return FxToolkit.onFx(() -> new DocumentViewModel(runner, new RecentFiles(dir.resolve("recent.txt")),
                new Autosave(dir.resolve("autosave"))));
    }

    private static RemixSpec spec() {
        return RemixSpec.of("demo", "bookworm", List.of(new LayerSpec("apps", List.of(), List.of())));
    }

    @Test
    void edits_undoRedo_dirtyTitleAndChanges() throws Exception {
        DocumentViewModel vm = vm();
        List<DocumentChange> changes = new ArrayList<>();
        FxToolkit.onFx(() -> {
            vm.onChange(changes::add);
            vm.newRemix(spec());
        });
        assertThat(FxToolkit.onFx(() -> vm.titleProperty().get())).isEqualTo("demo — Remix Studio");
        FxToolkit.onFx(() -> vm.apply("Add jq to apps", s -> SpecEdits.addPackage(s, "apps", "jq"), null));
        assertThat(FxToolkit.onFx(() -> vm.titleProperty().get())).isEqualTo("• demo — Remix Studio");
        assertThat(FxToolkit.onFx(() -> vm.undoLabelProperty().get())).isEqualTo("Undo Add jq to apps");
        FxToolkit.onFx(vm::undo);
        assertThat(FxToolkit.onFx(() -> vm.spec())).isEqualTo(spec());
        FxToolkit.onFx(vm::redo);
        assertThat(FxToolkit.onFx(() -> vm.spec().layers().get(0).add())).hasSize(1);
        assertThat(changes).extracting(DocumentChange::label)
                .containsExactly("Open demo", "Add jq to apps", "Undo Add jq to apps", "Redo Add jq to apps");
        // a refused edit changes nothing and says why
        assertThat(FxToolkit.onFx(() -> vm.apply("x", s -> SpecEdits.addLayer(s, "apps"), null))).isPresent();
        assertThat(FxToolkit.onFx(() -> vm.messageProperty().get())).contains("exists already");
    }

    @Test
    void autosave_isWrittenAfterEdits_recovered_andClearedBySaving() throws Exception {
        DocumentViewModel vm = vm();
        FxToolkit.onFx(() -> {
            vm.newRemix(spec());
            vm.apply("Add jq to apps", s -> SpecEdits.addPackage(s, "apps", "jq"), null);
        });
        Autosave autosave = new Autosave(dir.resolve("autosave"));
        FxToolkit.waitFor("the autosave", () -> autosave.find().isPresent());
        assertThat(autosave.find().get().spec().layers().get(0).add()).hasSize(1);

        DocumentViewModel second = vm();
        FxToolkit.onFx(() -> second.recover(autosave.find().get()));
        assertThat(FxToolkit.onFx(second::isDirty)).isTrue();

        Path file = dir.resolve("demo.remix.json");
        FxToolkit.onFx(() -> second.saveAs(file, e -> { throw new AssertionError(e); }));
        FxToolkit.waitFor("saved", () -> !second.isDirty());
        FxToolkit.waitFor("the autosave removed", () -> autosave.find().isEmpty());
        assertThat(new RemixSpecReader().read(file)).isEqualTo(FxToolkit.onFx(second::spec));
        FxToolkit.waitFor("recent files", () -> !new RecentFiles(dir.resolve("recent.txt")).list().isEmpty());
    }
}
