package org.remixstudio.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.LoadedCatalog;
import org.remixstudio.engine.repo.RepositoryCatalogLoader;
import org.remixstudio.engine.repo.SuiteOverride;
import org.remixstudio.engine.repo.SystemSources;

/**
 * Measures loading the catalog of the host's apt sources (bookworm main + updates + security, amd64),
 * each run in a fresh JVM as a user's {@code remix} start would be:
 * <ol>
 *   <li>cold: empty cache, fetch + verify + parse + write the cache;</li>
 *   <li>warm offline: everything from the cache (snapshots), no network — several runs, median;</li>
 *   <li>warm online: InRelease files fetched again, unchanged, so snapshots are used;</li>
 * </ol>
 * and reports the load time, the time from JVM start to a loaded catalog, the CPU time of the main
 * thread and of the whole process (JIT and GC threads included; less distorted than wall time on a
 * busy machine), the heap in use after a full GC with the catalog loaded, and the peak heap.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -o -pl engine test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-classpath %classpath org.remixstudio.engine.bench.CatalogLoadBenchmark [CACHE_DIR] [SUITE]"
 * </pre>
 * Without {@code CACHE_DIR} a temporary directory is used (and removed). The machine's load matters:
 * compare figures from one run.
 */
public final class CatalogLoadBenchmark {

    private static final int WARM_RUNS = 7;

    private CatalogLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]), args[2].equals("offline"), args.length > 3 ? args[3] : null);
            return;
        }
        boolean temporary = args.length == 0;
        Path cache = temporary ? Files.createTempDirectory("remix-bench") : Path.of(args[0]);
        String suite = args.length > 1 ? args[1] : null;
        try {
            deleteTree(cache);
            Map<String, String> cold = runChild(cache, "online", suite);
            print("cold (fetch+verify+parse)", cold);
            List<Map<String, String>> warm = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                warm.add(runChild(cache, "offline", suite));
            }
            print("warm offline (median of " + WARM_RUNS + ")", median(warm));
            print("warm offline (best)", best(warm));
            print("warm online (InRelease re-fetched)", runChild(cache, "online", suite));
        } finally {
            if (temporary) {
                deleteTree(cache);
            }
        }
    }

    /** One measured load, in this (fresh) JVM; prints key=value pairs. */
    private static void child(Path cache, boolean offline, String suite) {
        long start = System.nanoTime();
        SystemSources host = new SystemSources(Path.of("/"));
        List<AptSource> sources = host.read();
        if (suite != null) {
            sources = new SuiteOverride(suite).apply(sources);
        }
        LoadedCatalog loaded = RepositoryCatalogLoader.create(host, cache).load(sources, "amd64", offline, e -> { });
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        long mainCpuMs = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        long processCpuMs = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.println("load_ms=" + loadMs + " jvm_start_to_loaded_ms=" + sinceJvmStart
                + " main_thread_cpu_ms=" + mainCpuMs + " process_cpu_ms=" + processCpuMs
                + " heap_after_gc_mb=" + used / (1 << 20) + " peak_heap_mb=" + peak / (1 << 20)
                + " names=" + loaded.catalog().nameCount() + " entries=" + loaded.catalog().all().size()
                + " suites=" + loaded.suites().size());
        // keep the catalog reachable until the heap was measured
        if (loaded.catalog().nameCount() < 0) {
            System.out.println(loaded);
        }
    }

    private static Map<String, String> runChild(Path cache, String mode, String suite) throws IOException,
            InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CatalogLoadBenchmark.class.getName(), "--child", cache.toString(), mode));
        if (suite != null) {
            cmd.add(suite);
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (rc != 0) {
            throw new IllegalStateException("benchmark child failed:\n" + out);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String kv : out.strip().lines().reduce((a, b) -> b).orElse("").split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                result.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        result.put("process_wall_ms", Long.toString(wall));
        return result;
    }

    private static Map<String, String> median(List<Map<String, String>> runs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : runs.get(0).keySet()) {
            List<Long> values = new ArrayList<>();
            for (Map<String, String> r : runs) {
                values.add(Long.parseLong(r.get(key)));
            }
            Collections.sort(values);
            out.put(key, Long.toString(values.get(values.size() / 2)));
        }
        return out;
    }

    private static Map<String, String> best(List<Map<String, String>> runs) {
        return runs.stream().min((a, b) -> Long.compare(Long.parseLong(a.get("load_ms")),
                Long.parseLong(b.get("load_ms")))).orElseThrow();
    }

    private static void print(String label, Map<String, String> r) {
        System.out.printf("%-40s %s%n", label, r);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!q.equals(p)) {
                    Files.delete(q);
                }
            }
        }
    }
}
