package org.remixstudio.app.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * Runs the view models' engine work off the JavaFX thread. Daemon threads, so an unfinished task
 * never keeps the application alive; a task is cancelled with {@code Task.cancel()}, which interrupts
 * its thread, which is how the engine is told to stop.
 */
public final class BackgroundRunner implements AutoCloseable {

    private final ExecutorService executor;

    public BackgroundRunner(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "studio-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /**
     * Starts {@code task} and returns it, so the caller can bind to its progress or cancel it. Once the
     * studio is closing (the runner closed) a late request, e.g. a plan that finished meanwhile asking
     * for its licenses, is cancelled instead of started.
     */
    public <T> Task<T> run(Task<T> task) {
        if (executor.isShutdown()) {
            task.cancel();
            return task;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closedMeanwhile) {
            task.cancel();
        }
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
