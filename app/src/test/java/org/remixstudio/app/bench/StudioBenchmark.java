package org.remixstudio.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.MainWindow;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioOptions;
import org.remixstudio.app.StudioPaths;
import org.remixstudio.engine.api.BuildResult;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.resolve.BaseVariant;

/**
 * The studio's figures on the host's real sources with a warm cache (run the studio or
 * {@code remix search x} once first), timed from the JVM process's start:
 * <ul>
 * <li>window interactive: the main window is shown and the FX thread answers (menus, typing) — the
 *     catalog is still loading in the background;</li>
 * <li>catalog ready: the cached catalog is loaded and searchable; remix drawn: the minbase remix is
 *     planned and its stack drawn;</li>
 * <li>drop-to-impact latency (sizes) p95 over 20 edits;</li>
 * <li>peak resident memory (VmHWM);</li>
 * <li>FX-thread stalls (longest gap between two frames) while the catalog loads, during the edits,
 *     and — with {@code -Dbench.build=DIR} — while a container tarball of minbase + curl is built into
 *     DIR from the cache.</li>
 * </ul>
 * Targets: ≤ 3 s to an interactive window, ≤ 100 ms, ≤ 400 MB, no frame over 16 ms from app code.
 * Needs a display (xvfb-run). Run it with the studio's JVM options (see installers/remix-studio;
 * add {@code -XX:SharedArchiveFile=} an archive made by a first run with
 * {@code -XX:ArchiveClassesAtExit=} to measure with class-data sharing, which needs jars, not class
 * directories, on the class path):
 * <pre>
 * mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * MALLOC_ARENA_MAX=2 xvfb-run -a -s "-screen 0 1600x1000x24" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
 *   -Xms128m -Xmx256m -Xmn64m -XX:ReservedCodeCacheSize=32m -Xss512k \
 *   -cp app/target/test-classes:app/target/classes:engine/target/classes:$(cat app/target/cp.txt) \
 *   org.remixstudio.app.bench.StudioBenchmark
 * </pre>
 */
public final class StudioBenchmark {

    private static final List<String> PACKAGES = List.of("curl", "jq", "htop", "nginx", "git", "vim", "less", "wget",
            "openssh-client", "python3", "ca-certificates", "tmux", "rsync", "zstd", "file", "tree", "bzip2",
            "netcat-openbsd", "iproute2", "procps");

    private StudioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            System.exit(0);
        }
    }

    private static void run() throws Exception {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        Path home = Files.createTempDirectory("studio-bench");
        StudioOptions options = new StudioOptions(EngineSettings.defaults().withOffline(true),
                StudioPaths.under(home), BaseVariant.MINBASE);
        FxToolkit.start();
        FxStallWatch watch = new FxStallWatch();
        Studio studio = FxToolkit.onFx(() -> {
            Studio s = new Studio(options);
            Stage stage = new Stage();
            new MainWindow(s, stage);
            stage.show();
            s.start(r -> false);
            return s;
        });
        pulse();
        double interactive = since(jvmStart);
        // from here on the window is up: the first frame (the whole scene's CSS and layout) is behind
        FxToolkit.onFx(watch::start);
        FxToolkit.waitFor("the catalog", () -> studio.catalog().catalog() != null);
        double catalogReady = since(jvmStart);
        FxToolkit.waitFor("the planned remix", () -> studio.layers().planProperty().get() != null);
        pulse();
        double drawn = since(jvmStart);
        String loadStalls = FxToolkit.onFx(() -> {
            String r = watch.report();
            watch.reset();
            return r;
        });

        List<Double> latencies = new ArrayList<>();
        for (String pkg : PACKAGES) {
            long t = System.nanoTime();
            FxToolkit.onFx(() -> studio.impact().previewAdd("apps", pkg));
            waitTight(studio);
            latencies.add((System.nanoTime() - t) / 1e6);
            FxToolkit.onFx(() -> studio.impact().endPreview());
        }
        String editStalls = FxToolkit.onFx(() -> {
            String r = watch.report();
            watch.reset();
            return r;
        });
        List<Double> sorted = latencies.stream().sorted().toList();
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);

        long rss = peakRssKb() / 1024;
        String buildStalls = null;
        String buildOut = System.getProperty("bench.build");
        if (buildOut != null) {
            buildStalls = build(studio, watch, Path.of(buildOut));
        }

        System.out.printf("window interactive: %.2f s from JVM start (target <= 3 s)%n", interactive);
        System.out.printf("catalog ready: %.2f s; remix planned and drawn: %.2f s%n", catalogReady, drawn);
        System.out.printf("drop-to-impact p95 over %d edits: %.1f ms, median %.1f ms, max %.1f ms (target <= 100 ms)%n",
                sorted.size(), p95, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        System.out.printf("peak RSS: %d MB (target <= 400 MB)%n", rss);
        if (buildOut != null) {
            System.out.printf("peak RSS after the build: %d MB%n", peakRssKb() / 1024);
        }
        System.out.println("FX thread while the catalog loads: " + loadStalls);
        System.out.println("FX thread during the impact edits: " + editStalls);
        if (buildStalls != null) {
            System.out.println("FX thread while a build runs: " + buildStalls);
        }
        studio.close();
        Platform.exit();
    }

    /** Builds minbase + curl as a container tarball into {@code dir}, watching the FX thread meanwhile. */
    private static String build(Studio studio, FxStallWatch watch, Path dir) throws Exception {
        FxToolkit.onFx(() -> {
            studio.layers().addPackage("apps", "curl");
            studio.build().directoryProperty().set(dir);
            studio.build().suggestNames();
        });
        FxToolkit.waitFor("the edit's plan", () -> !studio.layers().planningProperty().get());
        long t = System.nanoTime();
        Task<BuildResult> task = FxToolkit.onFx(() -> {
            watch.reset();
            return studio.build().start();
        });
        String outcome;
        try {
            outcome = task.get(10, TimeUnit.MINUTES).digest();
        } catch (java.util.concurrent.ExecutionException e) {
            outcome = "FAILED " + e.getCause();
        }
        pulse();
        String r = FxToolkit.onFx(watch::report);
        System.out.printf("build: %.1f s, %s%n", (System.nanoTime() - t) / 1e9, outcome);
        return r;
    }

    private static double since(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    /** Returns after the FX thread has run a pulse (layout, CSS, drawing) and answered. */
    private static void pulse() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> Platform.runLater(() -> done.complete(null)));
        done.get(30, TimeUnit.SECONDS);
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
