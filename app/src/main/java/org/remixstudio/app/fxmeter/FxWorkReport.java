package org.remixstudio.app.fxmeter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a stretch of FX-thread work: the app's slices (time without GC pauses, nearest-rank
 * percentiles), how many went over the frame budget, the longest CSS+layout pass, the longest GC pause,
 * and the labels with the longest slices.
 *
 * @param slices           app slices timed
 * @param p50Nanos         median app slice, GC excluded
 * @param p99Nanos         99th percentile app slice, GC excluded
 * @param maxNanos         longest app slice, GC excluded
 * @param overBudget       app slices over the budget, GC excluded
 * @param maxCpuNanos      the most CPU time the FX thread spent in one app slice: what the app's code cost
 *                         without the waits for a core, which on a loaded machine make up much of a slice
 * @param cpuOverBudget    app slices whose CPU time alone was over the budget
 * @param passes           CSS+layout passes timed
 * @param maxPassNanos     longest CSS+layout pass, GC excluded
 * @param passesOverBudget CSS+layout passes over the budget, GC excluded
 * @param maxPassCpuNanos  the most CPU time the FX thread spent in one CSS+layout pass
 * @param passesCpuOverBudget CSS+layout passes whose CPU time alone was over the budget
 * @param collections      garbage collections in the stretch
 * @param majorCollections of them, full collections of the old generation
 * @param maxGcPauseNanos  longest of them
 * @param maxGcPause       which collector took it, and why ({@code MarkSweepCompact, end of major GC})
 * @param cut              slices cut short by a nested event loop (a modal dialog)
 * @param worst            the labels of the longest slices, longest first (app work and passes alike)
 * @param budgetNanos      the frame budget the counts are against
 * @param fromNanos        {@link System#nanoTime()} when the stretch began, for the offsets of {@link #worst}
 */
public record FxWorkReport(int slices, long p50Nanos, long p99Nanos, long maxNanos, int overBudget, long maxCpuNanos,
                           int cpuOverBudget, int passes,
                           long maxPassNanos, int passesOverBudget, long maxPassCpuNanos, int passesCpuOverBudget,
                           int collections,
                           int majorCollections,
                           long maxGcPauseNanos, String maxGcPause, int cut,
                           List<Offender> worst, long budgetNanos, long fromNanos) {

    /** How many labels {@link #worst} names. */
    static final int WORST = 5;

    /**
     * A label's slices.
     *
     * @param maxNanos    its longest slice, GC excluded
     * @param atNanos     when that slice began ({@link System#nanoTime()})
     * @param cpuOfMax    the FX thread's CPU time in that slice
     * @param gcOfMax     the GC pauses inside that slice
     * @param totalNanos  all its slices together, GC excluded
     */
    public record Offender(String label, FxSlice.Kind kind, int count, long maxNanos, long atNanos, long cpuOfMax,
                           long gcOfMax, long totalNanos) {
    }

    public FxWorkReport {
        worst = List.copyOf(worst);
    }

    /**
     * The report of {@code all} slices of a stretch that began at {@code fromNanos} and the collections'
     * pause times, against {@code budgetNanos}.
     */
    static FxWorkReport of(List<FxSlice> all, List<GcWatch.Pause> pauses, long budgetNanos, long fromNanos) {
        long[] app = all.stream().filter(s -> s.kind() == FxSlice.Kind.APP).mapToLong(FxSlice::workNanos).sorted()
                .toArray();
        long[] pass = all.stream().filter(s -> s.kind() == FxSlice.Kind.CSS_LAYOUT).mapToLong(FxSlice::workNanos)
                .toArray();
        long[] appCpu = all.stream().filter(s -> s.kind() == FxSlice.Kind.APP).mapToLong(FxSlice::cpuNanos).toArray();
        long[] passCpu = all.stream().filter(s -> s.kind() == FxSlice.Kind.CSS_LAYOUT).mapToLong(FxSlice::cpuNanos)
                .toArray();
        Map<String, Offender> byLabel = new LinkedHashMap<>();
        for (FxSlice s : all) {
            byLabel.merge(s.label(), new Offender(s.label(), s.kind(), 1, s.workNanos(), s.startNanos(), s.cpuNanos(),
                    s.gcNanos(), s.workNanos()), FxWorkReport::merge);
        }
        List<Offender> worst = new ArrayList<>(byLabel.values());
        worst.sort(Comparator.comparingLong(Offender::maxNanos).reversed());
        GcWatch.Pause longest = pauses.stream().max(Comparator.comparingLong(GcWatch.Pause::millis)).orElse(null);
        return new FxWorkReport(app.length, percentile(app, 0.50), percentile(app, 0.99), max(app),
                count(app, budgetNanos), max(appCpu), count(appCpu, budgetNanos), pass.length, max(pass),
                count(pass, budgetNanos), max(passCpu), count(passCpu, budgetNanos), pauses.size(),
                (int) pauses.stream().filter(GcWatch.Pause::major).count(),
                longest == null ? 0 : longest.millis() * 1_000_000L,
                longest == null ? "" : longest.collector() + ", " + longest.action(),
                (int) all.stream().filter(FxSlice::cut).count(), worst.subList(0, Math.min(WORST, worst.size())),
                budgetNanos, fromNanos);
    }

    private static Offender merge(Offender a, Offender b) {
        Offender longer = b.maxNanos() > a.maxNanos() ? b : a;
        return new Offender(a.label(), a.kind(), a.count() + b.count(), longer.maxNanos(), longer.atNanos(),
                longer.cpuOfMax(), longer.gcOfMax(), a.totalNanos() + b.totalNanos());
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static long max(long[] values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static int count(long[] values, long over) {
        int n = 0;
        for (long v : values) {
            if (v > over) {
                n++;
            }
        }
        return n;
    }

    /** The report in a few lines. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "app slices %d: p50 %s, p99 %s, max %s ms (GC excluded); %d over %s ms"
                + " (CPU time alone: max %s ms, %d over)%n", slices, ms(p50Nanos), ms(p99Nanos), ms(maxNanos), overBudget,
                ms(budgetNanos), ms(maxCpuNanos), cpuOverBudget));
        out.append(String.format(Locale.ROOT, "  CSS+layout passes %d: max %s ms; %d over %s ms (CPU time alone: max %s ms, %d over)%n",
                passes, ms(maxPassNanos), passesOverBudget, ms(budgetNanos), ms(maxPassCpuNanos), passesCpuOverBudget));
        out.append(String.format(Locale.ROOT, "  GC: %d collections (%d full), longest pause %s ms%s%s%n", collections,
                majorCollections, ms(maxGcPauseNanos), maxGcPause.isEmpty() ? "" : " (" + maxGcPause + ")",
                cut == 0 ? "" : "; " + cut + " slices cut by a nested event loop"));
        out.append("  longest:");
        for (Offender o : worst) {
            out.append(String.format(Locale.ROOT, "%n    %s ms  %s%s (%d×; the longest at +%.2f s, cpu %s ms%s)",
                    ms(o.maxNanos()), o.label(), o.kind() == FxSlice.Kind.CSS_LAYOUT ? " [CSS+layout]" : "", o.count(),
                    (o.atNanos() - fromNanos) / 1e9, ms(o.cpuOfMax()),
                    o.gcOfMax() == 0 ? "" : ", plus " + ms(o.gcOfMax()) + " ms GC"));
        }
        return out.toString();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
