package org.remixstudio.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.MainWindow;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioOptions;
import org.remixstudio.app.StudioPaths;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.resolve.BaseVariant;

/**
 * The studio's figures on the host's real sources with a warm cache (run the studio or
 * {@code remix search x} once first): JVM start to an interactive window (catalog loaded, the
 * minbase remix planned and drawn), drop-to-impact latency (sizes) p95 over 20 edits, and peak
 * resident memory. Targets: ≤ 3 s, ≤ 100 ms, ≤ 400 MB. Needs a display (xvfb-run). Run with
 * <pre>
 * mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; xvfb-run -s "-screen 0 1600x1000x24" java -cp app/target/test-classes:app/target/classes:engine/target/classes:$(cat app/target/cp.txt) \
 *      org.remixstudio.app.bench.StudioBenchmark
 * </pre>
 */
public final class StudioBenchmark {

    private static final List<String> PACKAGES = List.of("curl", "jq", "htop", "nginx", "git", "vim", "less", "wget",
            "openssh-client", "python3", "ca-certificates", "tmux", "rsync", "zstd", "file", "tree", "bzip2",
            "netcat-openbsd", "iproute2", "procps");

    private StudioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path home = Files.createTempDirectory("studio-bench");
        StudioOptions options = new StudioOptions(EngineSettings.defaults().withOffline(true),
                StudioPaths.under(home), BaseVariant.MINBASE);
        FxToolkit.start();
        Studio studio = FxToolkit.onFx(() -> {
            Studio s = new Studio(options);
            Stage stage = new Stage();
            new MainWindow(s, stage);
            stage.show();
            s.start(r -> false);
            return s;
        });
        FxToolkit.waitFor("the planned remix", () -> studio.layers().planProperty().get() != null);
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        Platform.runLater(() -> drawn.complete(null)); // the pulse after the plan drew the stack
        drawn.get(10, TimeUnit.SECONDS);
        double startSeconds = (System.nanoTime() - start) / 1e9;

        List<Double> latencies = new ArrayList<>();
        for (String pkg : PACKAGES) {
            long t = System.nanoTime();
            FxToolkit.onFx(() -> studio.impact().previewAdd("apps", pkg));
            waitTight(studio);
            latencies.add((System.nanoTime() - t) / 1e6);
            FxToolkit.onFx(() -> studio.impact().endPreview());
        }
        List<Double> sorted = latencies.stream().sorted().toList();
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        System.out.printf("start to interactive window: %.2f s (target <= 3 s)%n", startSeconds);
        System.out.printf("drop-to-impact p95 over %d edits: %.1f ms, median %.1f ms (target <= 100 ms)%n",
                sorted.size(), p95, sorted.get(sorted.size() / 2));
        System.out.printf("peak RSS: %d MB (target <= 400 MB)%n", peakRssKb() / 1024);
        studio.close();
        Platform.exit();
        System.exit(0);
    }

    /** Polls the FX thread every millisecond, so the latency is not rounded up by the wait. */
    private static void waitTight(Studio studio) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean done = FxToolkit.onFx(() -> !studio.impact().busyProperty().get()
                    && studio.impact().summaryProperty().get() != null);
            if (done) {
                return;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no impact within 30 s");
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
