package org.remixstudio.app.bench;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the JavaFX thread went without a frame: an animation timer asks for a pulse every
 * frame (about 16.7 ms), so a gap between two calls beyond that is time the FX thread spent on
 * something else (app code, layout, CSS, a GC pause). Reports the largest gap since the last reset
 * and how many frames took longer than one frame budget. Used on the FX thread only, except for the
 * volatile figures the benchmark reads. Stop-the-world GC pauses stall every thread, not just the FX
 * thread's work, so the time the collectors report between two frames is also subtracted to give the
 * longest gap that the FX thread's own work (app code, layout, CSS, drawing) caused.
 */
final class FxStallWatch extends AnimationTimer {

    /** A frame at 60 Hz, plus a millisecond of timer jitter. */
    static final long BUDGET_NANOS = 17_700_000L;

    private long last;
    private long lastGcMillis;
    private volatile long maxGap;
    private volatile long maxWorkGap;
    private volatile int overBudget;
    private volatile int frames;

    @Override
    public void handle(long now) {
        long t = System.nanoTime();
        long gc = gcMillis();
        if (last != 0) {
            long gap = t - last;
            if (gap > maxGap) {
                maxGap = gap;
            }
            long work = gap - (gc - lastGcMillis) * 1_000_000L;
            if (work > maxWorkGap) {
                maxWorkGap = work;
            }
            if (gap > BUDGET_NANOS) {
                overBudget++;
            }
            frames++;
        }
        last = t;
        lastGcMillis = gc;
    }

    private static long gcMillis() {
        long sum = 0;
        for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, bean.getCollectionTime());
        }
        return sum;
    }

    /** Starts a new measurement (call on the FX thread). */
    void reset() {
        last = 0;
        maxGap = 0;
        maxWorkGap = 0;
        overBudget = 0;
        frames = 0;
    }

    String report() {
        return String.format("longest frame gap %.1f ms (%.1f ms without GC pauses), %d of %d frames over %.1f ms",
                maxGap / 1e6, maxWorkGap / 1e6, overBudget, frames, BUDGET_NANOS / 1e6);
    }
}
