package org.remixstudio.app.bench;

import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.fxmeter.FxWorkMeter;
import org.remixstudio.app.fxmeter.FxWorkReport;

/** The FX thread's figures of one situation of the benchmark: the meter's report and the frame gaps. */
record Situation(String name, FxWorkReport work, String frames) {

    /** Takes the figures since the last take (or reset) and starts the next stretch. */
    static Situation take(String name, FxWorkMeter meter, FxStallWatch watch) throws Exception {
        return FxToolkit.onFx(() -> {
            Situation s = new Situation(name, meter.report(), watch.report());
            meter.reset();
            watch.reset();
            return s;
        });
    }

    String format() {
        return "FX thread " + name + ":\n  " + work.format() + "\n  " + frames + "\n";
    }
}
