package org.remixstudio.engine.api;

/**
 * A plain progress report from long engine work (fetching an index, resolving, building). The CLI
 * draws a progress bar from it, the app maps it onto {@code Task.updateProgress}. Engine work is
 * cancelled by interrupting the thread that runs it; it then throws
 * {@link java.util.concurrent.CancellationException}.
 *
 * @param step   a short, stable step name such as {@code fetch} or {@code parse}
 * @param detail what is being worked on (a file name or URL), may be empty
 * @param done   work done so far, in {@code unit}s
 * @param total  total work in {@code unit}s, or {@code -1} when unknown
 * @param unit   what {@code done} and {@code total} count
 */
public record ProgressEvent(String step, String detail, long done, long total, Unit unit) {

    /** What a progress count measures. */
    public enum Unit { ITEMS, BYTES }

    /** Fraction done in {@code [0, 1]}, or {@code -1} when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
