package org.remixstudio.engine.bench;

import static org.remixstudio.engine.bench.BenchmarkSupport.deleteTree;
import static org.remixstudio.engine.bench.BenchmarkSupport.findRoot;
import static org.remixstudio.engine.bench.BenchmarkSupport.loadAverage;
import static org.remixstudio.engine.bench.BenchmarkSupport.median;
import static org.remixstudio.engine.bench.BenchmarkSupport.seconds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.remixstudio.engine.testing.RealArchive;

/**
 * The build figures of the build-engine issue, measured in one run on one machine so that the
 * ratios compare like with like on a shared, noisy machine. Each of N rounds (default 3,
 * {@code -Druns=N}) runs, as separate processes the way a user would:
 * <ol type="a">
 *   <li>{@code installers/remix build docs/examples/minimal-bookworm.remix.json} (the launcher users run:
 *       {@code engine/target/remix.jar} with the JVM options and class-data archive of decision record 0003) with a
 *       warm {@code .deb} cache and warm repository metadata but an empty layer cache: a fresh
 *       {@code --cache-dir} whose {@code debs/} (DebFetcher), {@code blobs/}, {@code snapshots/} and
 *       {@code releases/} (RepositoryCache) are hard links to a primed cache, and which has no
 *       {@code layers/} (LayerCache), so every layer is built;</li>
 *   <li>(b0) {@code mmdebstrap --variant=minbase bookworm OUT.tar} with the host's mirrors, run plainly, the
 *       way the issue writes the command: mmdebstrap keeps no cache of its own, so each run updates its
 *       package lists and downloads every package again;</li>
 *   <li>{@code mmdebstrap --variant=minbase bookworm OUT.tar} with the host's mirrors and its apt cache
 *       and package lists kept between runs as its manual describes (sync-in hooks into
 *       {@code /var/cache/apt/archives} and {@code /var/lib/apt/lists}, sync-out at the end,
 *       {@code --skip=essential/unlink}), so no run downloads a package; a run whose kept cache grew is
 *       reported as having downloaded;</li>
 *   <li>(b2) the same with {@code --include=ca-certificates}: the package set of (a), which adds
 *       ca-certificates and openssl to minbase, so (a)/(b2) compares like with like;</li>
 *   <li>the minimal spec plus a top layer adding {@code less}, built into the cache (a) left behind,
 *       so the layers below come from the layer cache and only the new layer is built, on an overlay over
 *       the tree (a) kept (decision record 0004); its phase times ({@code --timings}) are printed.</li>
 * </ol>
 * A priming round (not counted) fills both tools' caches first, including {@code less}. The
 * targets are the issue's: (a) at most 0.5 and (c) at most 0.1 times mmdebstrap's time, judged against
 * (b0), the command, which is also the fastest of the three here (the hooks of (b) cost more than
 * the downloads); the ratios to (b) and (b2) are printed beside it. The order of (a), (b0), (b) and (b2)
 * rotates from round to round.
 *
 * <p>Everything, both tools' trees included (mmdebstrap's through {@code TMPDIR}), lives in a temporary
 * directory under {@code -Dbench.dir=DIR} (default {@code java.io.tmpdir}). Where that is an ext4 file
 * system without a journal (as on these VMs), each new inode is checked against the inodes deleted in the
 * last minutes ({@code recently_deleted} in {@code fs/ext4/ialloc.c}, only without a journal): after the
 * trees of earlier runs are deleted, creating files costs several seconds of system time more, for both
 * tools, varying from run to run. A tmpfs ({@code mount -t tmpfs tmpfs DIR}) measures the tools without
 * that. Needs root (mmdebstrap's root mode, the engine's chroot sandbox), network access
 * to the host's mirrors (for the priming round and (b0)), mmdebstrap and a built jar. Run from the repository root:
 * <pre>
 * mvn -q -B -DskipTests package &amp;&amp; mvn -q -B -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.remixstudio.engine.bench.BuildBenchmark -Druns=3
 * </pre>
 * Each round takes about a minute and a half; everything lives in a temporary directory that is removed at the end.
 */
public final class BuildBenchmark {

    private static final String EXTRA_PACKAGE = "less";
    private static final long TIMEOUT_MINUTES = 15;

    private final Path jar;
    private final Path launcher;
    private final Path java;
    private final Path minimalSpec;
    private final Path work;
    private final Path warmCache;
    private final Path aptArchives;
    private final Path aptLists;
    private final Path plusSpec;

    private BuildBenchmark(Path root, Path work) {
        this.jar = root.resolve("engine/target/remix.jar");
        this.launcher = root.resolve("installers/remix");
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.minimalSpec = root.resolve("docs/examples/minimal-bookworm.remix.json");
        this.work = work;
        this.warmCache = work.resolve("remix-warm-cache");
        this.aptArchives = work.resolve("mmdebstrap-archives");
        this.aptLists = work.resolve("mmdebstrap-lists");
        this.plusSpec = work.resolve("minimal-bookworm-plus-" + EXTRA_PACKAGE + ".remix.json");
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 3);
        if (runs < 1) {
            throw new IllegalArgumentException("-Druns=" + runs + ": give at least 1 run");
        }
        Path root = findRoot();
        String dir = System.getProperty("bench.dir");
        Path work = dir == null ? Files.createTempDirectory("remix-build-bench")
                : Files.createTempDirectory(Path.of(dir), "remix-build-bench");
        try {
            new BuildBenchmark(root, work).run(runs);
        } finally {
            deleteTree(work);
        }
    }

    /** One timed child process: wall time, the load average just before it, its output. */
    private record Run(double seconds, String loadBefore, List<String> output) {
    }

    private void run(int runs) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn -q -B -DskipTests package' first");
        }
        writePlusSpec();
        Files.createDirectories(aptArchives);
        Files.createDirectories(aptLists);
        System.out.printf("Remix Studio build benchmark, %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        System.out.printf("%d cores, load average %s, Java %s; %d rounds%n", Runtime.getRuntime().availableProcessors(),
                loadAverage(), System.getProperty("java.version"), runs);

        // priming, not counted: metadata and every .deb of both specs; mmdebstrap's debs and lists
        Run primeOurs = time(remixBuild(minimalSpec, work.resolve("prime.tar"), warmCache));
        time(remixBuild(plusSpec, work.resolve("prime-plus.tar"), warmCache));
        Run primeMm = time(mmdebstrap(work.resolve("prime-mm.tar"), "--include=ca-certificates"));
        System.out.printf("priming (not counted): remix build %.1f s, mmdebstrap %.1f s%n%n",
                primeOurs.seconds(), primeMm.seconds());
        Files.delete(work.resolve("prime.tar"));
        Files.delete(work.resolve("prime-plus.tar"));
        Files.delete(work.resolve("prime-mm.tar"));

        List<Double> ours = new ArrayList<>();
        List<Double> mmPlain = new ArrayList<>();
        List<Double> mm = new ArrayList<>();
        List<Double> mmSame = new ArrayList<>();
        List<Double> rebuild = new ArrayList<>();
        long oursSize = 0;
        long mmSize = 0;
        long plusSize = 0;
        String oursLayers = "";
        String plusLayers = "";
        String plusPhases = "";
        List<String> problems = new ArrayList<>();
        System.out.printf("%-6s %-36s %10s   %s%n", "round", "step", "time", "load before (1/5/15 min)");
        for (int i = 1; i <= runs; i++) {
            Path cache = work.resolve("cache-" + i);
            linkCopy(warmCache, cache);
            Set<String> debsBefore = listFiles(cache.resolve("debs"));
            Path oursTar = work.resolve("ours-" + i + ".tar");
            Path mmPlainTar = work.resolve("mmdebstrap-plain-" + i + ".tar");
            Path mmTar = work.resolve("mmdebstrap-" + i + ".tar");
            Path mmSameTar = work.resolve("mmdebstrap-ca-" + i + ".tar");
            Path plusTar = work.resolve("plus-" + i + ".tar");
            // rotate which goes first, so a change of load hits each alike
            Run a = null;
            Run b0 = null;
            Run b = null;
            Run b2 = null;
            for (int k = 0; k < 4; k++) {
                switch ((i + k) % 4) {
                    case 0 -> a = time(remixBuild(minimalSpec, oursTar, cache));
                    case 1 -> b0 = time(plainMmdebstrap(mmPlainTar));
                    case 2 -> b = timeMmdebstrap(mmTar, i, problems);
                    default -> b2 = timeMmdebstrap(mmSameTar, i, problems, "--include=ca-certificates");
                }
            }
            if (!listFiles(cache.resolve("debs")).equals(debsBefore)) {
                problems.add("round " + i + ": remix build (a) downloaded packages its warm cache should have held");
            }
            if (a.output().stream().anyMatch(l -> l.startsWith("layer ") && l.endsWith("(cached)"))) {
                problems.add("round " + i + ": remix build (a) took a layer from a cache that should have been empty");
            }
            Run c = time(remixBuild(plusSpec, plusTar, cache));
            // the SBOM layer on top is made afresh by every build
            List<String> cLayers = layerLines(c.output()).stream().filter(l -> !l.startsWith("layer sbom ")).toList();
            long cachedBelow = cLayers.stream().filter(l -> l.endsWith("(cached)")).count();
            if (cachedBelow != cLayers.size() - 1 || cLayers.get(cLayers.size() - 1).endsWith("(cached)")) {
                problems.add("round " + i + ": rebuild (c) should take every layer but the new top one from the cache: "
                        + cLayers);
            }
            printRound(i, "(a) remix build, empty layer cache", a);
            printRound(i, "(b0) mmdebstrap, plain (downloads)", b0);
            printRound(i, "(b) mmdebstrap --variant=minbase", b);
            printRound(i, "(b2) mmdebstrap, + ca-certificates", b2);
            printRound(i, "(c) remix build, new top layer", c);
            ours.add(a.seconds());
            mmPlain.add(b0.seconds());
            mm.add(b.seconds());
            mmSame.add(b2.seconds());
            rebuild.add(c.seconds());
            oursSize = Files.size(oursTar);
            mmSize = Files.size(mmTar);
            plusSize = Files.size(plusTar);
            oursLayers = String.join("\n", layerLines(a.output()));
            plusLayers = String.join("\n", cLayers);
            plusPhases = String.join("\n", c.output().stream().filter(l -> l.startsWith("phase ")).toList());
            Files.delete(oursTar);
            Files.delete(mmPlainTar);
            Files.delete(mmTar);
            Files.delete(mmSameTar);
            Files.delete(plusTar);
            deleteTree(cache);
        }

        String line = "-".repeat(122);
        System.out.println();
        System.out.println(line);
        System.out.printf("%-44s %9s %9s %9s %8s %8s %4s %8s %8s%n", "median of " + runs + " rounds", "median", "min",
                "max", "/ (b0)", "target", "met", "/ (b)", "/ (b2)");
        System.out.println(line);
        double[] references = {median(mmPlain), median(mm), median(mmSame)};
        row("(a) remix build minimal-bookworm, warm debs", ours, references, 0.5);
        row("(b0) mmdebstrap --variant=minbase, plain", mmPlain, references, Double.NaN);
        row("(b) mmdebstrap --variant=minbase, warm apt", mm, references, Double.NaN);
        row("(b2) mmdebstrap, + ca-certificates (a's set)", mmSame, references, Double.NaN);
        row("(c) remix build, + '" + EXTRA_PACKAGE + "' in a new top layer", rebuild, references, 0.1);
        System.out.println(line);
        System.out.printf("%-44s %12s%n", "tarball", "size");
        System.out.printf("%-44s %12s%n", "(a) remix, gzip layers (OCI + docker-archive)", mib(oursSize));
        System.out.printf("%-44s %12s%n", "(b) mmdebstrap, plain tar", mib(mmSize));
        System.out.printf("%-44s %12s%n", "(c) remix, gzip layers, with the top layer", mib(plusSize));
        System.out.println(line);
        System.out.println("layers of (a), last round:");
        System.out.println(oursLayers.indent(2).stripTrailing());
        System.out.println("layers of (c), last round:");
        System.out.println(plusLayers.indent(2).stripTrailing());
        System.out.println("phases of (c), last round:");
        System.out.println(plusPhases.indent(2).stripTrailing());
        for (String p : problems) {
            System.out.println("WARNING: " + p);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private void writePlusSpec() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = (ObjectNode) json.readTree(minimalSpec.toFile());
        ObjectNode layer = ((ArrayNode) spec.get("layers")).addObject();
        layer.put("name", "extra");
        layer.putArray("add").add(EXTRA_PACKAGE);
        spec.put("name", "minimal-bookworm-plus-" + EXTRA_PACKAGE);
        json.writerWithDefaultPrettyPrinter().writeValue(plusSpec.toFile(), spec);
    }

    private List<String> remixBuild(Path spec, Path out, Path cache) {
        return List.of(launcher.toString(), "build", spec.toString(), "-o", out.toString(),
                "--cache-dir", cache.toString(), "--timings");
    }

    /**
     * mmdebstrap with its apt cache and lists kept outside the chroot: the sync-in/sync-out hooks of
     * its manual (section EXAMPLES); {@code --skip=essential/unlink} keeps the debs it installed first
     * in {@code /var/cache/apt/archives} so sync-out saves them; the cleanup step still removes the
     * cache and lists from the tarball.
     */
    private List<String> mmdebstrap(Path out, String... options) {
        List<String> cmd = new ArrayList<>(List.of("mmdebstrap", "--variant=minbase", "--skip=essential/unlink",
                "--setup-hook=mkdir -p \"$1\"/var/cache/apt/archives/ \"$1\"/var/lib/apt/lists/",
                "--setup-hook=sync-in " + aptArchives + " /var/cache/apt/archives/",
                "--setup-hook=sync-in " + aptLists + " /var/lib/apt/lists/",
                "--customize-hook=sync-out /var/cache/apt/archives " + aptArchives,
                "--customize-hook=sync-out /var/lib/apt/lists " + aptLists));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("bookworm", out.toString()));
        for (String suite : RealArchive.suites("bookworm")) {
            cmd.add("deb " + RealArchive.mirrorFor(suite) + " " + suite + " main");
        }
        return cmd;
    }

    /** The command as the issue writes it, with the host's mirrors: no cache, so every run downloads. */
    private List<String> plainMmdebstrap(Path out) {
        List<String> cmd = new ArrayList<>(List.of("mmdebstrap", "--variant=minbase", "bookworm", out.toString()));
        for (String suite : RealArchive.suites("bookworm")) {
            cmd.add("deb " + RealArchive.mirrorFor(suite) + " " + suite + " main");
        }
        return cmd;
    }

    private Run timeMmdebstrap(Path out, int round, List<String> problems, String... options)
            throws IOException, InterruptedException {
        Set<String> before = listFiles(aptArchives);
        Run run = time(mmdebstrap(out, options));
        Set<String> after = listFiles(aptArchives);
        after.removeAll(before);
        if (!after.isEmpty()) {
            problems.add("round " + round + ": mmdebstrap (b) downloaded " + after);
        }
        return run;
    }

    private Run time(List<String> command) throws IOException, InterruptedException {
        Path log = work.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // the launcher runs this JVM's java
        pb.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        // mmdebstrap makes its tree in TMPDIR: the same file system as ours
        pb.environment().put("TMPDIR", work.toString());
        String load = loadAverage();
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not finish in " + TIMEOUT_MINUTES + " minutes: " + String.join(" ", command));
        }
        double s = seconds(start);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("benchmark step failed (exit " + p.exitValue() + "): "
                    + String.join(" ", command) + "\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
        return new Run(s, load, lines);
    }

    /** The {@code layer NAME …} summary lines {@code remix build} prints. */
    private static List<String> layerLines(List<String> output) {
        return output.stream().filter(l -> l.startsWith("layer ")).toList();
    }

    /** Makes {@code to} a copy of {@code from}'s metadata and .deb caches made of hard links; no layers. */
    private static void linkCopy(Path from, Path to) throws IOException {
        for (String dir : List.of("blobs", "snapshots", "releases", "debs")) {
            Path source = from.resolve(dir);
            if (!Files.isDirectory(source)) {
                continue;
            }
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(dir).resolve(source.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.createLink(to.resolve(dir).resolve(source.relativize(f).toString()), f);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    private static Set<String> listFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Collections.emptySet();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            Set<String> names = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(f -> names.add(dir.relativize(f).toString()));
            return names;
        }
    }

    private static void printRound(int round, String step, Run run) {
        System.out.printf(Locale.ROOT, "%-6d %-36s %8.2f s   %s%n", round, step, run.seconds(), run.loadBefore());
    }

    /** @param references the medians of (b0), (b) and (b2); the target is judged against (b0) */
    private static void row(String what, List<Double> values, double[] references, double target) {
        double med = median(values);
        double ratio = med / references[0];
        boolean hasTarget = !Double.isNaN(target);
        System.out.printf(Locale.ROOT, "%-44s %7.2f s %7.2f s %7.2f s %8.3f %8s %4s %8.3f %8.3f%n", what, med,
                Collections.min(values), Collections.max(values), ratio,
                hasTarget ? String.format(Locale.ROOT, "<= %.1f", target) : "",
                hasTarget ? (ratio <= target ? "yes" : "NO") : "", med / references[1], med / references[2]);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
