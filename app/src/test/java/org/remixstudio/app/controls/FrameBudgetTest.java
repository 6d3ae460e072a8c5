package org.remixstudio.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.Test;
import org.remixstudio.app.FxToolkit;

class FrameBudgetTest {

    @Test
    void take_allowsThePerFrameCount_thenRefuses() throws Exception {
        FrameBudget budget = FxToolkit.onFx(() -> new FrameBudget(3));
        List<Boolean> taken = FxToolkit.onFx(() -> List.of(budget.take(), budget.take(), budget.take(), budget.take()));
        assertThat(taken).containsExactly(true, true, true, false);
    }

    @Test
    void later_runsTheWorkInComingFrames_aFramesAllowanceAtATime_onceByKey() throws Exception {
        FrameBudget budget = FxToolkit.onFx(() -> new FrameBudget(2));
        List<Long> frames = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        AnimationTimer clock = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.add(now);
            }
        };
        FxToolkit.onFx(() -> {
            clock.start();
            for (int i = 0; i < 5; i++) {
                String key = "cell " + i;
                budget.later(key, () -> ran.add(key + " @" + frames.size()));
            }
            // the same cell again: it keeps one place, with the newer work
            budget.later("cell 0", () -> ran.add("cell 0 again @" + frames.size()));
        });
        FxToolkit.waitFor("the waiting work", () -> !budget.pending());
        FxToolkit.onFx(clock::stop);

        List<String> all = FxToolkit.onFx(() -> List.copyOf(ran));
        assertThat(all).hasSize(5);
        assertThat(all.get(0)).startsWith("cell 0 again");
        // two a frame: five pieces of work over three frames
        assertThat(all.stream().map(s -> s.substring(s.indexOf('@'))).distinct()).hasSize(3);
    }
}
