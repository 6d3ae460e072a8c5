package org.remixstudio.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.app.fxmeter.FxSlice;

/**
 * Samples the FX thread's stack about every millisecond ({@code -Dbench.stacks=true}) and tells, for
 * each slice over the budget, which code it was in: a label says what ran, but a CSS+layout pass is
 * JavaFX's own code and only its stack says whose nodes it was styling or laying out (that is how the
 * catalog's cells and the layer cards were found). {@link Thread#getStackTrace()} waits for a safepoint,
 * so it sees fewer samples than a profiler would, enough for slices of 16 ms and more.
 */
final class FxStackSampler extends Thread {

    /** Frames worth naming: the app's, and JavaFX's styling, layout, text and list code. */
    private static final List<String> KEPT = List.of("org.remixstudio", "Skin", "VirtualFlow", "Cell", "Text", "Css",
            "Style", "Tooltip");

    private record Sample(long at, StackTraceElement[] stack) {
    }

    private final Thread fx;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean sampling = true;

    FxStackSampler(Thread fx) {
        super("fx-stack-sampler");
        this.fx = fx;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (sampling) {
            Sample s = new Sample(System.nanoTime(), fx.getStackTrace());
            synchronized (samples) {
                samples.add(s);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and prints the commonest stacks of each slice over {@code budgetNanos}. */
    void report(List<FxSlice> slices, long budgetNanos) {
        sampling = false;
        List<Sample> all;
        synchronized (samples) {
            all = new ArrayList<>(samples);
            samples.clear();
        }
        for (FxSlice slice : slices) {
            if (slice.workNanos() <= budgetNanos) {
                continue;
            }
            Map<String, Integer> stacks = new HashMap<>();
            int n = 0;
            for (Sample s : all) {
                if (s.at() >= slice.startNanos() && s.at() <= slice.startNanos() + slice.wallNanos()) {
                    n++;
                    stacks.merge(shortStack(s.stack()), 1, Integer::sum);
                }
            }
            System.out.printf("  stacks of %s (%.1f ms, %d samples):%n", slice.label(), slice.workNanos() / 1e6, n);
            stacks.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                    .forEach(e -> System.out.println("    " + e.getValue() + "× " + e.getKey()));
        }
    }

    private static String shortStack(StackTraceElement[] stack) {
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (KEPT.stream().anyMatch(c::contains)) {
                out.append(kept == 0 ? "" : " < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.')
                        .append(e.getMethodName());
                if (++kept == 6) {
                    break;
                }
            }
        }
        return out.length() == 0 ? "(JavaFX or JDK code only)" : out.toString();
    }
}
