package org.remixstudio.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the process-level benchmarks share: finding the repository, reading the machine's load,
 * medians, and removing their temporary trees. Kept in one place so every benchmark reports load
 * and medians the same way.
 */
final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    /** The repository root: the first directory upwards from here holding {@code installers/remix}. */
    static Path findRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("installers/remix")) && Files.isDirectory(p.resolve("engine"))) {
                return p;
            }
        }
        throw new IllegalStateException("run the benchmark inside the repository (no installers/remix found above "
                + Path.of("").toAbsolutePath() + ")");
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or {@code unknown}. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Deletes {@code p} and everything below it; nothing happens when it does not exist. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
