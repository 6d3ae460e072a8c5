package org.remixstudio.app.fxmeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxWorkReportTest {

    private static final long MS = 1_000_000L;

    /** An app slice whose CPU time is its wall clock time without the collection. */
    private static FxSlice app(String label, long wallMs, long gcMs) {
        return new FxSlice(label, FxSlice.Kind.APP, 0, wallMs * MS, gcMs * MS, (wallMs - gcMs) * MS, false);
    }

    @Test
    void percentile_isTheNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(FxWorkReport.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(FxWorkReport.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(FxWorkReport.percentile(new long[] {7}, 0.99)).isEqualTo(7);
        assertThat(FxWorkReport.percentile(new long[0], 0.5)).isZero();
    }

    @Test
    void of_appSlices_percentilesMaxAndOverBudgetWithoutGcPauses() {
        List<FxSlice> slices = new ArrayList<>();
        for (int i = 1; i <= 99; i++) {
            slices.add(app("small", 1, 0));
        }
        // 40 ms of wall clock, 30 of them a collection: 10 ms of work, within the budget
        slices.add(app("collected in", 40, 30));
        FxWorkReport r = FxWorkReport.of(slices, List.of(new GcWatch.Pause("Copy", "end of minor GC", 1, 30)), 16 * MS, 0);

        assertThat(r.slices()).isEqualTo(100);
        assertThat(r.p50Nanos()).isEqualTo(1 * MS);
        assertThat(r.p99Nanos()).isEqualTo(1 * MS);
        assertThat(r.maxNanos()).isEqualTo(10 * MS);
        assertThat(r.overBudget()).isZero();
        assertThat(r.maxCpuNanos()).isEqualTo(10 * MS);
        assertThat(r.cpuOverBudget()).isZero();
        assertThat(r.maxGcPauseNanos()).isEqualTo(30 * MS);
        assertThat(r.collections()).isEqualTo(1);
        assertThat(r.majorCollections()).isZero();
        assertThat(r.format()).contains("longest pause 30.0 ms (Copy, end of minor GC)");
    }

    @Test
    void of_aSliceThatWaitedForACore_isOverTheBudget_butNotByCpuTime() {
        FxSlice waited = new FxSlice("plan succeeded", FxSlice.Kind.APP, 0, 30 * MS, 0, 5 * MS, false);
        FxWorkReport r = FxWorkReport.of(List.of(waited), List.of(), 16 * MS, 0);

        assertThat(r.overBudget()).isEqualTo(1);
        assertThat(r.cpuOverBudget()).isZero();
        assertThat(r.maxCpuNanos()).isEqualTo(5 * MS);
        assertThat(r.format()).contains("1 over 16.0 ms (CPU time alone: max 5.0 ms, 0 over)");
    }

    @Test
    void of_passesAreTheirOwnColumn_notAppSlices() {
        FxSlice pass = new FxSlice("CSS+layout of #main", FxSlice.Kind.CSS_LAYOUT, 0, 20 * MS, 0, 20 * MS, false);
        FxWorkReport r = FxWorkReport.of(List.of(app("a", 2, 0), pass), List.of(), 16 * MS, 0);

        assertThat(r.slices()).isEqualTo(1);
        assertThat(r.maxNanos()).isEqualTo(2 * MS);
        assertThat(r.overBudget()).isZero();
        assertThat(r.maxCpuNanos()).as("the pass's CPU time is not an app slice's").isEqualTo(2 * MS);
        assertThat(r.cpuOverBudget()).isZero();
        assertThat(r.passes()).isEqualTo(1);
        assertThat(r.maxPassNanos()).isEqualTo(20 * MS);
        assertThat(r.passesOverBudget()).isEqualTo(1);
        assertThat(r.maxPassCpuNanos()).isEqualTo(20 * MS);
    }

    @Test
    void of_worst_namesTheLabelsWithTheLongestSlices_longestFirst_withCountAndTotal() {
        List<FxSlice> slices = List.of(app("plan succeeded", 5, 0), app("plan succeeded", 20, 0),
                app("catalog search succeeded", 8, 0), app("event KEY_TYPED on #catalog-search", 1, 0));
        FxWorkReport r = FxWorkReport.of(slices, List.of(), 16 * MS, 0);

        assertThat(r.worst()).extracting(FxWorkReport.Offender::label)
                .containsExactly("plan succeeded", "catalog search succeeded", "event KEY_TYPED on #catalog-search");
        FxWorkReport.Offender plan = r.worst().get(0);
        assertThat(plan.count()).isEqualTo(2);
        assertThat(plan.maxNanos()).isEqualTo(20 * MS);
        assertThat(plan.totalNanos()).isEqualTo(25 * MS);
        assertThat(r.overBudget()).isEqualTo(1);
        assertThat(r.format()).contains("20.0 ms  plan succeeded (2×", "1 over 16.0 ms");
    }

    @Test
    void of_worst_isLimitedToAFewLabels() {
        List<FxSlice> slices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slices.add(app("label " + i, i, 0));
        }
        assertThat(FxWorkReport.of(slices, List.of(), 16 * MS, 0).worst()).hasSize(FxWorkReport.WORST)
                .first().extracting(FxWorkReport.Offender::label).isEqualTo("label 19");
    }
}
