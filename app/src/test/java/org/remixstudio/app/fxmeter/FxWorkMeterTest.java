package org.remixstudio.app.fxmeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.tasks.FxWork;

class FxWorkMeterTest {

    private FxWorkMeter meter;
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        FxToolkit.onFx(() -> {
            if (stage != null) {
                stage.close();
            }
            if (meter != null) {
                meter.close();
            }
        });
    }

    private static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void unmetered_handsTheWorkBackUnchanged() {
        Runnable work = () -> { };
        EventHandler<ActionEvent> handler = e -> { };
        assertThat(FxWork.UNMETERED.timed("x", work)).isSameAs(work);
        assertThat(FxWork.UNMETERED.timed("x", handler)).isSameAs(handler);
        assertThat(FxWork.UNMETERED.timed("x", (EventHandler<ActionEvent>) null)).isNull();
    }

    @Test
    void timedWork_isOneSliceUnderItsLabel_andWorkItStartsBelongsToIt() throws Exception {
        meter = FxToolkit.onFx(() -> new FxWorkMeter());
        Runnable inner = meter.timed("inner", () -> busy(3));
        FxToolkit.onFx(meter.timed("outer", () -> {
            busy(2);
            inner.run();
        }));

        List<FxSlice> slices = FxToolkit.onFx(meter::slices);
        assertThat(slices).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("outer");
            assertThat(s.kind()).isEqualTo(FxSlice.Kind.APP);
            assertThat(s.workNanos()).isGreaterThanOrEqualTo(5_000_000L);
            assertThat(s.cut()).isFalse();
        });
    }

    @Test
    void aSliceOverTheBudget_isHandedToTheListener_andCounted() throws Exception {
        List<FxSlice> over = new ArrayList<>();
        meter = FxToolkit.onFx(() -> new FxWorkMeter(over::add));
        FxToolkit.onFx(meter.timed("slow", () -> busy(20)));
        FxToolkit.onFx(meter.timed("quick", () -> { }));

        assertThat(FxToolkit.onFx(() -> List.copyOf(over))).extracting(FxSlice::label).containsExactly("slow");
        FxWorkReport r = FxToolkit.onFx(meter::report);
        assertThat(r.slices()).isEqualTo(2);
        assertThat(r.overBudget()).isEqualTo(1);
        assertThat(r.worst().get(0).label()).isEqualTo("slow");
    }

    @Test
    void aCollectionInsideASlice_isTakenOutOfItsTime() throws Exception {
        meter = FxToolkit.onFx(() -> new FxWorkMeter());
        FxToolkit.onFx(meter.timed("collects", System::gc));

        FxSlice s = FxToolkit.onFx(meter::slices).get(0);
        assertThat(s.gcNanos()).isPositive();
        assertThat(s.workNanos()).isEqualTo(s.wallNanos() - s.gcNanos());
    }

    @Test
    void eventsOfAnAttachedWindow_areSlicesNamedAfterTheirTypeAndTarget_andPassesAreTimed() throws Exception {
        meter = FxToolkit.onFx(() -> new FxWorkMeter());
        Button button = FxToolkit.onFx(() -> {
            Button b = new Button("Go");
            b.setId("go");
            b.setOnAction(e -> busy(2));
            VBox root = new VBox(b);
            root.setId("root");
            stage = new Stage();
            stage.setScene(new Scene(root, 200, 100));
            meter.attach();
            stage.show();
            return b;
        });
        FxToolkit.onFx(() -> {
            meter.reset();
            button.fire();
            button.setText("Gone"); // a layout to do in the next pulse
        });
        FxToolkit.waitFor("a CSS+layout pass", () -> meter.slices().stream()
                .anyMatch(s -> s.kind() == FxSlice.Kind.CSS_LAYOUT));

        List<FxSlice> slices = FxToolkit.onFx(meter::slices);
        assertThat(slices).filteredOn(s -> s.kind() == FxSlice.Kind.APP).extracting(FxSlice::label)
                .contains("event ACTION on #go");
        assertThat(slices).filteredOn(s -> s.kind() == FxSlice.Kind.CSS_LAYOUT).extracting(FxSlice::label)
                .contains("CSS+layout of #root");

        FxToolkit.onFx(meter::close);
        assertThat(FxToolkit.onFx(() -> stage.getEventDispatcher())).isNotInstanceOf(TimedEventDispatcher.class);
    }

    @Test
    void aNestedEventLoop_cutsTheOpenSlice_andWhatRunsInItIsTimedOnItsOwn() throws Exception {
        meter = FxToolkit.onFx(() -> new FxWorkMeter());
        FxToolkit.onFx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new VBox(new Button("x")), 100, 100));
            meter.attach();
            stage.show();
        });
        FxToolkit.onFx(meter::reset);
        AtomicReference<Object> key = new AtomicReference<>(new Object());
        FxToolkit.onFx(meter.timed("opens a dialog", () -> {
            // once a pulse has run in the loop: some work, then leave the loop
            stage.getScene().addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    stage.getScene().removePostLayoutPulseListener(this);
                    Platform.runLater(meter.timed("in the dialog", () -> busy(1)));
                    Platform.runLater(() -> Platform.exitNestedEventLoop(key.get(), null));
                }
            });
            Platform.requestNextPulse();
            Platform.enterNestedEventLoop(key.get());
        }));

        List<FxSlice> app = FxToolkit.onFx(meter::slices).stream().filter(s -> s.kind() == FxSlice.Kind.APP).toList();
        assertThat(app).extracting(FxSlice::label).containsExactly("opens a dialog", "in the dialog");
        assertThat(app.get(0).cut()).isTrue();
    }
}
