package org.remixstudio.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.remixstudio.app.FxToolkit;

class FxBatcherTest {

    @Test
    void itemsPostedFromABackgroundThread_reachTheFxThreadInOrder_inFewerBatchesThanItems() throws Exception {
        FxToolkit.start();
        List<List<Integer>> batches = new ArrayList<>();
        List<Boolean> onFxThread = new ArrayList<>();
        FxBatcher<Integer> batcher = new FxBatcher<>(batch -> {
            batches.add(batch);
            onFxThread.add(javafx.application.Platform.isFxApplicationThread());
        });
        Thread producer = new Thread(() -> IntStream.range(0, 20_000).forEach(batcher::post));
        producer.start();
        producer.join();

        FxToolkit.waitFor("every item", () -> batches.stream().mapToInt(List::size).sum() == 20_000);
        List<Integer> all = FxToolkit.onFx(() -> batches.stream().flatMap(List::stream).toList());
        assertThat(all).containsExactlyElementsOf(IntStream.range(0, 20_000).boxed().toList());
        assertThat(FxToolkit.onFx(batches::size)).isLessThan(20_000);
        assertThat(FxToolkit.onFx(() -> List.copyOf(onFxThread))).containsOnly(true);
    }
}
