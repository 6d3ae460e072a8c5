package org.remixstudio.app.fxmeter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.remixstudio.app.tasks.FxWork;

/**
 * Times the app's work on the JavaFX thread slice by slice. A slice is one uninterrupted piece of work:
 * a runnable or task callback the app wrapped through {@link FxWork}, or the dispatch of one event to a
 * window the meter is {@linkplain #attach() attached} to (with every handler, filter and listener it
 * sets off; JavaFX's own control behaviour included, so an event's time is an upper bound of the app's
 * part). Work that starts inside a slice (a handler firing another event, a callback calling a timed
 * consumer) belongs to that slice. Each scene's CSS and layout pass is timed on its own, from the
 * scene's pre-layout to its post-layout pulse listener. Every slice records the collectors' pause time
 * inside it, which the report takes out: a stop-the-world pause stalls the FX thread wherever it falls
 * and is not the slice's code. A pulse inside an open slice means a nested event loop (a modal dialog's
 * {@code showAndWait}): the open slice is cut there and what runs in the loop after that pulse is timed
 * on its own (what the loop runs before its first pulse still counts to the cut slice).
 * Used on the FX thread only.
 */
public final class FxWorkMeter implements FxWork, AutoCloseable {

    /** A frame at 60 Hz, rounded down: the target is no app slice over it. */
    public static final long BUDGET_NANOS = 16_000_000L;

    private final GcWatch gc = new GcWatch();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
    private final Consumer<FxSlice> onOverBudget;
    private final List<FxSlice> slices = new ArrayList<>();
    private final Map<Scene, ScenePass> passes = new WeakHashMap<>();
    private final ListChangeListener<Window> windowsChanged = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(this::watch);
        }
    };
    private final ChangeListener<Scene> sceneChanged = (o, before, after) -> {
        if (after != null) {
            watch(after);
        }
    };
    private boolean attached;
    private long sinceUptimeMillis = GcWatch.uptimeMillis();
    private long sinceNanos = System.nanoTime();

    private int depth;
    private int generation;
    private String label;
    private long start;
    private long startGcMillis;
    private long startCpu;

    /** A meter that only records. */
    public FxWorkMeter() {
        this(slice -> { });
    }

    /** A meter that also hands every slice over {@link #BUDGET_NANOS} (GC excluded) to {@code onOverBudget}. */
    public FxWorkMeter(Consumer<FxSlice> onOverBudget) {
        this.onOverBudget = onOverBudget;
    }

    /**
     * Times the event dispatch and the CSS+layout passes of every window, those open now and those
     * opened later. Call on the FX thread.
     */
    public void attach() {
        if (attached) {
            return;
        }
        attached = true;
        Window.getWindows().forEach(this::watch);
        Window.getWindows().addListener(windowsChanged);
    }

    private void watch(Window window) {
        if (!(window.getEventDispatcher() instanceof TimedEventDispatcher)) {
            window.setEventDispatcher(new TimedEventDispatcher(window.getEventDispatcher(), this));
        }
        window.sceneProperty().removeListener(sceneChanged);
        window.sceneProperty().addListener(sceneChanged);
        if (window.getScene() != null) {
            watch(window.getScene());
        }
    }

    private void watch(Scene scene) {
        if (!passes.containsKey(scene)) {
            ScenePass pass = new ScenePass(scene);
            passes.put(scene, pass);
            scene.addPreLayoutPulseListener(pass.before);
            scene.addPostLayoutPulseListener(pass.after);
        }
    }

    @Override
    public Runnable timed(String label, Runnable work) {
        if (work == null) {
            return null;
        }
        return () -> {
            int token = begin(label);
            try {
                work.run();
            } finally {
                end(token);
            }
        };
    }

    @Override
    public <E extends Event> EventHandler<E> timed(String label, EventHandler<E> handler) {
        if (handler == null) {
            return null;
        }
        return e -> {
            int token = begin(label);
            try {
                handler.handle(e);
            } finally {
                end(token);
            }
        };
    }

    /** Opens a slice, or joins the open one; returns the token {@link #end} takes. */
    int begin(String what) {
        if (depth++ == 0) {
            label = what;
            start = System.nanoTime();
            startGcMillis = gc.collectedMillis();
            startCpu = cpuNanos();
        }
        return generation;
    }

    /** Like {@link #begin(String)} for an event: its label is only made when it opens a slice. */
    int begin(Event event) {
        return begin(depth == 0 ? "event " + event.getEventType().getName() + " on " + describe(event.getTarget()) : null);
    }

    /** Closes what {@link #begin} opened; the outermost close records the slice. */
    void end(int token) {
        if (token != generation) {
            return; // cut by a nested event loop, already recorded
        }
        if (--depth == 0) {
            record(label, FxSlice.Kind.APP, start, startGcMillis, startCpu, false);
        }
    }

    private void record(String what, FxSlice.Kind kind, long from, long fromGcMillis, long fromCpu, boolean cut) {
        long wall = System.nanoTime() - from;
        long gcNanos = Math.min(wall, (gc.collectedMillis() - fromGcMillis) * 1_000_000L);
        FxSlice slice = new FxSlice(what, kind, from, wall, gcNanos, Math.max(0, cpuNanos() - fromCpu), cut);
        slices.add(slice);
        if (slice.workNanos() > BUDGET_NANOS) {
            onOverBudget.accept(slice);
        }
    }

    private long cpuNanos() {
        return cpuClock ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** A node by its own or its nearest ancestor's id: {@code LabeledText in #layer-apps}. */
    static String describe(EventTarget target) {
        if (!(target instanceof Node node)) {
            return target == null ? "nothing" : target.getClass().getSimpleName();
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null && !n.getId().isEmpty()) {
                return n == node ? "#" + n.getId() : node.getClass().getSimpleName() + " in #" + n.getId();
            }
        }
        return node.getClass().getSimpleName();
    }

    /** The figures since the last {@link #reset()} (or since the meter was made). */
    public FxWorkReport report() {
        return FxWorkReport.of(List.copyOf(slices), gc.pausesSince(sinceUptimeMillis), BUDGET_NANOS, sinceNanos);
    }

    /** The slices recorded since the last {@link #reset()}, oldest first. */
    public List<FxSlice> slices() {
        return List.copyOf(slices);
    }

    /** Starts a new stretch: forgets the slices and collections so far. */
    public void reset() {
        slices.clear();
        sinceUptimeMillis = GcWatch.uptimeMillis();
        sinceNanos = System.nanoTime();
        gc.forgetBefore(sinceUptimeMillis);
    }

    /** Stops timing: the windows get their own event dispatchers back, the scenes lose the pulse listeners. */
    @Override
    public void close() {
        Window.getWindows().removeListener(windowsChanged);
        for (Window w : Window.getWindows()) {
            if (w.getEventDispatcher() instanceof TimedEventDispatcher t && t.meter() == this) {
                w.setEventDispatcher(t.delegate());
            }
            w.sceneProperty().removeListener(sceneChanged);
        }
        passes.forEach((scene, pass) -> {
            scene.removePreLayoutPulseListener(pass.before);
            scene.removePostLayoutPulseListener(pass.after);
        });
        passes.clear();
        gc.close();
        attached = false;
    }

    /** The pulse listeners of one scene: its CSS and layout pass runs between them. */
    private final class ScenePass {
        final Runnable before;
        final Runnable after;
        private long from;
        private long fromGcMillis;
        private long fromCpu;

        ScenePass(Scene scene) {
            String what = "CSS+layout of " + describe(scene.getRoot());
            before = () -> {
                if (depth > 0) {
                    // a pulse runs inside a slice only in a nested event loop: the slice ends here
                    record(label, FxSlice.Kind.APP, start, startGcMillis, startCpu, true);
                    depth = 0;
                    generation++;
                }
                from = System.nanoTime();
                fromGcMillis = gc.collectedMillis();
                fromCpu = cpuNanos();
            };
            after = () -> record(what, FxSlice.Kind.CSS_LAYOUT, from, fromGcMillis, fromCpu, false);
        }
    }
}
