package org.remixstudio.app.fxmeter;

/**
 * One uninterrupted stretch of the JavaFX thread's work the meter timed.
 *
 * @param label      what ran ("catalog search succeeded", "event KEY_TYPED on #catalog-search",
 *                   "CSS+layout of Remix Studio")
 * @param kind       app work, or a scene's CSS and layout pass
 * @param startNanos {@link System#nanoTime()} when it began
 * @param wallNanos  how long it took, wall clock
 * @param gcNanos    of that, how long the collectors stopped the world meanwhile
 * @param cpuNanos   CPU time the FX thread spent on it; far below {@code wallNanos - gcNanos} means the
 *                   thread was waiting (another process had the core, a lock, I/O)
 * @param cut        whether it was cut short where a nested event loop (a modal dialog) began, so its
 *                   time is the time until then
 */
public record FxSlice(String label, Kind kind, long startNanos, long wallNanos, long gcNanos, long cpuNanos,
                      boolean cut) {

    /** What kind of work a slice was. */
    public enum Kind {
        /** A runnable, task callback, timer or event dispatch: the app's code and what it set off. */
        APP,
        /**
         * A scene's CSS and layout pass of a pulse: JavaFX's code, but the work it does is the app's
         * scene (styles re-applied, skins laid out, list cells updated).
         */
        CSS_LAYOUT
    }

    /** The slice's own time: wall clock without the collectors' pauses. */
    public long workNanos() {
        return Math.max(0, wallNanos - gcNanos);
    }
}
