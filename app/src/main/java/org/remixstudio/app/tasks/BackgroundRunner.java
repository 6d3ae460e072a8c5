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
 * its thread, which is how the engine is told to stop. The tasks' outcome handlers run on the FX
 * thread; they are app work, timed through the runner's {@link FxWork} under the task's label.
 */
public final class BackgroundRunner implements AutoCloseable {

    private final ExecutorService executor;
    private final FxWork fxWork;

    /** A runner whose tasks' handlers are not timed. */
    public BackgroundRunner(int threads) {
        this(threads, FxWork.UNMETERED);
    }

    /** A runner that times its tasks' handlers through {@code fxWork}. */
    public BackgroundRunner(int threads, FxWork fxWork) {
        this.fxWork = fxWork;
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
     * for its licenses, is cancelled instead of started. The task's handlers are labelled with its
     * class name; prefer {@link #run(String, Task)}.
     */
    public <T> Task<T> run(Task<T> task) {
        String name = task.getClass().getName();
        return run(name.substring(name.lastIndexOf('.') + 1), task);
    }

    /**
     * Like {@link #run(Task)}; the outcome handlers set on {@code task} before this call (succeeded,
     * failed, cancelled) are timed as FX-thread work under {@code label}.
     */
    public <T> Task<T> run(String label, Task<T> task) {
        timeHandlers(label, task);
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

    private void timeHandlers(String label, Task<?> task) {
        task.setOnSucceeded(fxWork.timed(label + " succeeded", task.getOnSucceeded()));
        task.setOnFailed(fxWork.timed(label + " failed", task.getOnFailed()));
        task.setOnCancelled(fxWork.timed(label + " cancelled", task.getOnCancelled()));
    }

    /** How the FX-thread work of this runner's tasks is timed. */
    public FxWork fxWork() {
        return fxWork;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
