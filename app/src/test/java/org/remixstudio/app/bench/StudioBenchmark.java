package org.remixstudio.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.MainWindow;
import org.remixstudio.app.RenderingPipeline;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioOptions;
import org.remixstudio.app.StudioPaths;
import org.remixstudio.app.fxmeter.FxWorkMeter;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.spec.PackageRef;
import org.testfx.api.FxRobot;

/**
 * The studio's figures on the host's real sources with a warm cache (run the studio or
 * {@code remix search x} once first), timed from the JVM process's start:
 * <ul>
 * <li>window interactive: the main window is shown and the FX thread answers (menus, typing) — the
 *     catalog is still loading in the background;</li>
 * <li>catalog ready: the cached catalog is loaded and searchable; remix drawn: the minbase remix is
 *     planned and its stack drawn;</li>
 * <li>drop-to-impact latency (sizes) p95 over 20 edits made as a user makes them: the package's name
 *     typed into the search field, its row dragged onto the apps layer with the robot (the impact pane
 *     answers before the drop), dropped;</li>
 * <li>peak resident memory (VmHWM);</li>
 * <li>the FX thread's work in three situations: while the catalog loads (from the shown window to the
 *     remix planned, drawn and its licenses read), during the 20 edits, and — with
 *     {@code -Dbench.build=DIR} — while a container tarball of minbase + curl is built into DIR from
 *     the Build &amp; export window. The build uses a cache directory whose package indexes and
 *     {@code .deb}s are the user's (links) but whose layer and tree caches start empty, so every run
 *     builds the same layers from the {@code .deb}s.</li>
 * </ul>
 * For each situation the {@link FxWorkMeter} gives the app's slices of FX-thread work (every task
 * callback, batch, runnable and event dispatch: p50/p99/max without GC pauses, how many over 16 ms,
 * the labels of the longest), the longest CSS+layout pass, the longest GC pause, and the
 * {@link FxStallWatch} the longest whole gap between two frames (GC, JavaFX's rendering and all).
 * Targets: ≤ 3 s to an interactive window, ≤ 100 ms, ≤ 400 MB, no app slice over 16 ms.
 * Needs a display (xvfb-run). Run it with the studio's JVM options and environment (see
 * installers/remix-studio, which sets {@code GDK_GL=disable} on a machine without a GPU;
 * add {@code -XX:SharedArchiveFile=} an archive made by a first run with
 * {@code -XX:ArchiveClassesAtExit=} to measure with class-data sharing, which needs jars, not class
 * directories, on the class path). {@code -Dbench.stacks=true} also prints the FX thread's commonest
 * stacks in each slice over 16 ms during the edits ({@link FxStackSampler}). JavaFX's own pulse logger
 * ({@code -Djavafx.pulseLogger=true -Djavafx.pulseLogger.threshold=16}) prints the phases of every pulse
 * over 16 ms beside it, the render thread's painting and the FX thread's wait for it included (which
 * the meter cannot see); in JavaFX 21.0.11 it throws a NullPointerException in
 * {@code PrintLogger.renderEnd} on the render thread after some hundred pulses and the benchmark then
 * hangs, so it is good for the catalog load only:
 * <pre>
 * mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * MALLOC_ARENA_MAX=2 GDK_GL=disable xvfb-run -a -s "-screen 0 1600x1000x24" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
 *   -Xms128m -Xmx232m -Xmn40m -XX:ReservedCodeCacheSize=32m -Xss512k -Dbench.build=$(mktemp -d) \
 *   -cp app/target/test-classes:app/target/classes:engine/target/classes:$(cat app/target/cp.txt) \
 *   org.remixstudio.app.bench.StudioBenchmark
 * </pre>
 */
public final class StudioBenchmark {

    private static final List<String> PACKAGES = List.of("curl", "jq", "htop", "nginx", "git", "vim", "less", "wget",
            "openssh-client", "python3", "ca-certificates", "tmux", "rsync", "zstd", "file", "tree", "bzip2",
            "netcat-openbsd", "iproute2", "procps");
    private static final String LAYER = "apps";

    private StudioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RenderingPipeline.preferSoftwareWithoutGpu(); // as the studio's own main does
        try {
            run();
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            System.exit(0);
        }
    }

    private static void run() throws Exception {
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        System.setProperty("testfx.robot", "glass");
        Path home = Files.createTempDirectory("studio-bench");
        String buildOut = System.getProperty("bench.build");
        EngineSettings engine = EngineSettings.defaults().withOffline(true);
        if (buildOut != null) {
            engine = engine.withCacheDir(ColdLayerCache.create(engine.cacheDir(), home.resolve("cache")));
        }
        StudioOptions options = new StudioOptions(engine, StudioPaths.under(home), BaseVariant.MINBASE);
        FxToolkit.start();
        FxStallWatch watch = new FxStallWatch();
        FxWorkMeter meter = FxToolkit.onFx(() -> {
            FxWorkMeter m = new FxWorkMeter();
            m.attach();
            return m;
        });
        Studio studio = FxToolkit.onFx(() -> new Studio(options, meter));
        MainWindow window = FxToolkit.onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(studio, stage);
            stage.show();
            studio.start(r -> false);
            return w;
        });
        pulse();
        double interactive = since(jvmStart);
        // from here on the window is up: the first frame (the whole scene's CSS and layout) is behind
        FxToolkit.onFx(() -> {
            meter.reset();
            watch.start();
        });
        FxToolkit.waitFor("the catalog", () -> studio.catalog().catalog() != null);
        double catalogReady = since(jvmStart);
        FxToolkit.waitFor("the planned remix", () -> studio.layers().planProperty().get() != null);
        pulse();
        double drawn = since(jvmStart);
        waitUntil("the remix's licenses", 120, () -> !studio.layers().licensesPendingProperty().get());
        pulse();
        Situation load = Situation.take("while the catalog loads", meter, watch);

        FxStackSampler stacks = null;
        if (Boolean.getBoolean("bench.stacks")) {
            stacks = new FxStackSampler(FxToolkit.onFx(Thread::currentThread));
            stacks.start();
        }
        List<Double> latencies = edits(studio, window);
        pulse();
        if (stacks != null) {
            System.out.println("FX thread stacks of the slices over 16 ms during the edits:");
            stacks.report(FxToolkit.onFx(meter::slices), FxWorkMeter.BUDGET_NANOS);
        }
        Situation edits = Situation.take("during " + PACKAGES.size() + " drag/drop edits", meter, watch);
        List<Double> sorted = latencies.stream().sorted().toList();
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);

        long rss = peakRssKb() / 1024;
        Situation build = null;
        if (buildOut != null) {
            build = build(studio, window, meter, watch, Path.of(buildOut));
        }

        System.out.printf("window interactive: %.2f s from JVM start (target <= 3 s)%n", interactive);
        System.out.printf("catalog ready: %.2f s; remix planned and drawn: %.2f s%n", catalogReady, drawn);
        System.out.printf("drop-to-impact p95 over %d edits: %.1f ms, median %.1f ms, max %.1f ms (target <= 100 ms)%n",
                sorted.size(), p95, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        System.out.printf("peak RSS: %d MB (target <= 400 MB)%n", rss);
        if (buildOut != null) {
            System.out.printf("peak RSS after the build: %d MB%n", peakRssKb() / 1024);
        }
        for (Situation s : build == null ? List.of(load, edits) : List.of(load, edits, build)) {
            System.out.print(s.format());
        }
        FxToolkit.onFx(meter::close);
        studio.close();
        Platform.exit();
        deleteTree(home);
    }

    /** Deletes the benchmark's home and cache; links are deleted, not followed. */
    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The edits: for each package, its name typed into the search field, its row dragged onto the apps
     * layer and held there until the impact pane answers, then dropped; returns each preview's latency
     * (question to answer, as the impact pane times it). Undone afterwards, outside the measurement.
     */
    private static List<Double> edits(Studio studio, MainWindow window) throws Exception {
        FxRobot robot = new FxRobot();
        List<Double> latencies = new ArrayList<>();
        long from = System.nanoTime();
        for (String pkg : PACKAGES) {
            if (Boolean.getBoolean("bench.stacks")) {
                System.out.printf("edit %s at +%.2f s%n", pkg, (System.nanoTime() - from) / 1e9);
            }
            FxToolkit.onFx(() -> window.catalogView().focusSearch());
            robot.write(pkg);
            waitUntil("search hits for " + pkg, 30, () -> !studio.catalog().searching()
                    && window.catalogView().list().getItems().stream().anyMatch(r -> r.name().equals(pkg)));
            // the stack redraws as plans and licenses arrive: drag onto a card that stays
            waitUntil("a settled stack", 120, () -> !studio.layers().planningProperty().get()
                    && !studio.layers().licensesPendingProperty().get() && !studio.impact().busyProperty().get());
            pulse();
            java.util.function.Supplier<java.util.Optional<Node>> visibleRow = () -> robot.lookup(".catalog-row")
                    .match(n -> robot.from(n).lookup(".row-name").tryQuery()
                            .map(l -> ((Label) l).getText().equals(pkg)).orElse(false)).tryQuery();
            if (visibleRow.get().isEmpty()) {
                FxToolkit.onFx(() -> window.catalogView().list().scrollTo(
                        window.catalogView().list().getItems().stream().map(r -> r.name()).toList().indexOf(pkg)));
                // rows build their full graphic a few per frame (FrameBudget): wait for this one
                waitUntil("the row of " + pkg, 5, () -> visibleRow.get().isPresent());
            }
            Node row = visibleRow.get().orElseThrow();
            robot.drag(row, MouseButton.PRIMARY).moveTo("#layer-" + LAYER);
            waitUntil("the preview of " + pkg, 30, () -> studio.impact().previewingProperty().get()
                    && !studio.impact().busyProperty().get() && studio.impact().summaryProperty().get() != null);
            latencies.add(FxToolkit.onFx(() -> studio.impact().lastLatencyNanos()) / 1e6);
            robot.drop();
            waitUntil("the drop of " + pkg, 30, () -> studio.document().spec().layers().get(0).add()
                    .contains(PackageRef.of(pkg)));
            waitUntil("the plan after " + pkg, 60, () -> !studio.layers().planningProperty().get()
                    && !studio.impact().busyProperty().get());
        }
        return latencies;
    }

    /**
     * Undoes the edits, adds curl, and builds a container tarball from the Build &amp; export window
     * (its Build button fired) into {@code dir}, measuring the FX thread meanwhile and
     * for a moment after (the end-of-build notification).
     */
    private static Situation build(Studio studio, MainWindow window, FxWorkMeter meter, FxStallWatch watch, Path dir)
            throws Exception {
        FxToolkit.onFx(() -> {
            while (studio.document().canUndoProperty().get()) {
                studio.document().undo();
            }
            studio.layers().addPackage(LAYER, "curl");
            studio.build().directoryProperty().set(dir);
            window.openBuild();
        });
        waitUntil("the edit's plan and licenses", 120, () -> !studio.layers().planningProperty().get()
                && !studio.layers().licensesPendingProperty().get() && !studio.impact().busyProperty().get());
        pulse();
        FxToolkit.onFx(() -> {
            meter.reset();
            watch.reset();
        });
        long t = System.nanoTime();
        // the button's action event goes through the build window's event dispatch like a click's
        FxToolkit.onFx(() -> ((javafx.scene.control.Button) window.openBuild().getScene().lookup("#build-start")).fire());
        waitUntil("the build", 600, () -> studio.build().resultProperty().get() != null
                || !studio.build().errorProperty().get().isEmpty());
        double seconds = (System.nanoTime() - t) / 1e9;
        String outcome = FxToolkit.onFx(() -> studio.build().resultProperty().get() != null
                ? studio.build().resultProperty().get().digest() : "FAILED " + studio.build().errorProperty().get());
        // the end-of-build notification slides in; measure until it is shown
        Thread.sleep(1500);
        pulse();
        System.out.printf("build: %.1f s, %s%n", seconds, outcome);
        return Situation.take("while a build runs", meter, watch);
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

    /** Polls {@code condition} on the FX thread every 5 ms for up to {@code seconds}. */
    private static void waitUntil(String what, int seconds, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (FxToolkit.onFx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no " + what + " within " + seconds + " s");
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
