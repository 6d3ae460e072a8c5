package org.remixstudio.app.tasks;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Keeps at most one task of a kind running: starting a new one cancels the one before, so a search
 * typed further or a drag that moved on to another layer never shows a stale answer. Only the latest
 * task's result reaches {@code onResult}. Used on the JavaFX thread only.
 */
public final class LatestOnly<T> {

    private final BackgroundRunner runner;
    private final String label;
    private Task<T> current;

    /** @param label names this kind of task where its FX-thread work is timed ("catalog search") */
    public LatestOnly(BackgroundRunner runner, String label) {
        this.runner = runner;
        this.label = label;
    }

    /** Cancels the running task, if any, and starts {@code work}; results go to the callbacks on the FX thread. */
    public Task<T> submit(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        cancel();
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.get();
            }
        };
        current = task;
        task.setOnSucceeded(e -> {
            if (current == task) {
                current = null;
                onResult.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (current == task) {
                current = null;
                onError.accept(task.getException());
            }
        });
        return runner.run(label, task);
    }

    /** Cancels the running task; its result, if it still comes, is dropped. */
    public void cancel() {
        if (current != null && current.getState() != Worker.State.SUCCEEDED) {
            current.cancel(true);
        }
        current = null;
    }

    /** Whether a task is running. */
    public boolean busy() {
        return current != null;
    }
}
