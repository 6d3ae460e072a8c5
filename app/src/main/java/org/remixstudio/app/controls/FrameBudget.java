package org.remixstudio.app.controls;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * An allowance of costly node building per frame: {@link #take()} says whether one more build fits in
 * this frame, and work that did not fit is run by {@link #later} in the coming frames, a frame's
 * allowance at a time. A list that shows rows for the first time makes a cell, with a dozen styled
 * nodes, for every row in view at once (a catalog search: twenty cells, 30-45 ms in one layout pass on a
 * slow machine); with a budget the rows get their full look over a few frames instead. Used on the FX
 * thread only.
 */
public final class FrameBudget {

    private final int perFrame;
    private int left;
    private final Map<Object, Runnable> waiting = new LinkedHashMap<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            left = perFrame;
            for (Iterator<Runnable> it = waiting.values().iterator(); it.hasNext() && left > 0; ) {
                Runnable work = it.next();
                it.remove();
                left--;
                work.run();
            }
            if (waiting.isEmpty()) {
                stop();
            }
        }
    };

    /** @param perFrame builds a frame may take */
    public FrameBudget(int perFrame) {
        this.perFrame = perFrame;
        this.left = perFrame;
    }

    /**
     * Takes one build from this frame's allowance; false when it is spent. The allowance is refilled
     * by the frames that run waiting work, so after a burst the next build waits for a frame even if
     * the frames in between were idle.
     */
    public boolean take() {
        if (left > 0) {
            left--;
            return true;
        }
        return false;
    }

    /**
     * Runs {@code work} in a coming frame, within that frame's allowance; a {@code key} already waiting
     * keeps its place and gets this work instead.
     */
    public void later(Object key, Runnable work) {
        waiting.put(key, work);
        frames.start();
    }

    /** Whether work is waiting for a frame (tests). */
    public boolean pending() {
        return !waiting.isEmpty();
    }
}
