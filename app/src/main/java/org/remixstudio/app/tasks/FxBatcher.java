package org.remixstudio.app.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands items made on a background thread to the JavaFX thread in batches: however fast they come,
 * at most one {@code Platform.runLater} is pending, and it takes everything queued so far. A build
 * reports thousands of progress events (a file, a package at a time); one runnable per event would
 * queue work faster than the FX thread draws frames.
 */
public final class FxBatcher<T> {

    private final Consumer<List<T>> onBatch;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The drain as the FX thread runs it: made once, so posting allocates no runnable. */
    private final Runnable drain;

    /** {@code onBatch} runs on the FX thread with the items in the order they were posted. */
    public FxBatcher(Consumer<List<T>> onBatch) {
        this("batch", FxWork.UNMETERED, onBatch);
    }

    /** Like {@link #FxBatcher(Consumer)}; each batch is timed through {@code fxWork} under {@code label}. */
    public FxBatcher(String label, FxWork fxWork, Consumer<List<T>> onBatch) {
        this.onBatch = onBatch;
        this.drain = fxWork.timed(label, this::drain);
    }

    /** Queues {@code item}; callable from any thread. */
    public void post(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
        }
    }
}
