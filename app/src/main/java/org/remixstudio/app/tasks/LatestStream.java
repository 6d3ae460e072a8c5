package org.remixstudio.app.tasks;

import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Like {@link LatestOnly}, for engine work that streams answers (licenses filling in as copyright files
 * are read): at most one stream of a kind runs, starting a new one cancels (interrupts) the one before,
 * and only the latest stream's updates reach the JavaFX thread, in batches ({@link FxBatcher}) so a fast
 * stream cannot flood it. Used on the JavaFX thread only.
 */
public final class LatestStream<U> {

    /** Work that hands its updates to {@code sink} on its own thread until it is done. */
    public interface Work<U> {
        void run(Consumer<U> sink);
    }

    private final BackgroundRunner runner;
    private final String label;
    private Task<Void> current;

    /** @param label names this kind of stream where its FX-thread work is timed ("layer licenses") */
    public LatestStream(BackgroundRunner runner, String label) {
        this.runner = runner;
        this.label = label;
    }

    /**
     * Cancels the running stream and starts {@code work}; {@code onUpdates} gets each batch of updates,
     * {@code onDone} runs after the last one, {@code onError} on failure; all on the FX thread.
     */
    public Task<Void> submit(Work<U> work, Consumer<List<U>> onUpdates, Runnable onDone, Consumer<Throwable> onError) {
        cancel();
        Task<Void>[] self = new Task[1];
        FxBatcher<U> batcher = new FxBatcher<>(label + " updates", runner.fxWork(), batch -> {
            if (current == self[0]) {
                onUpdates.accept(batch);
            }
        });
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                work.run(batcher::post);
                return null;
            }
        };
        self[0] = task;
        current = task;
        task.setOnSucceeded(e -> {
            // the batcher's last runLater was queued before this handler: every update has been applied
            if (current == task) {
                current = null;
                onDone.run();
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

    /** Cancels the running stream; updates it still posts are dropped. */
    public void cancel() {
        if (current != null && current.getState() != Worker.State.SUCCEEDED) {
            current.cancel(true);
        }
        current = null;
    }

    /** Whether a stream is running. */
    public boolean busy() {
        return current != null;
    }
}
