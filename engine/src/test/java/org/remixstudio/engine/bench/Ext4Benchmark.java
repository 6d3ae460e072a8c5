package org.remixstudio.engine.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.remixstudio.engine.export.disk.ext4.Ext4Content;
import org.remixstudio.engine.export.disk.ext4.Ext4Options;
import org.remixstudio.engine.export.disk.ext4.Ext4Result;
import org.remixstudio.engine.export.disk.ext4.Ext4Size;
import org.remixstudio.engine.export.disk.ext4.Ext4Writer;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.RootfsScanner;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Writes an ext4 image of a real minbase tree with {@link Ext4Writer} and with
 * {@code mke2fs -t ext4 -d DIR IMG SIZE} (same size, runs interleaved, median of 5 each) and prints
 * both times and their ratio. Our time includes reading the tree's metadata from the directory (NIO
 * {@code unix:*} attributes, as {@code mke2fs -d} does too). Ours is measured twice: in this JVM once
 * it is warm (the first, cold run reported apart), and each run in a fresh JVM, which is what one
 * {@code remix} export costs (JVM start-up excluded). Finally {@code e2fsck -fn} checks our image.
 *
 * <p>Make the tree once, as root: {@code mmdebstrap --variant=minbase bookworm /tmp/remix-test-archive/minbase-tree}.
 * Run from the repository root:
 * <pre>
 * mvn -q -o -pl engine test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-classpath %classpath org.remixstudio.engine.bench.Ext4Benchmark [TREE_DIR] [FREE_MIB]"
 * </pre>
 */
public final class Ext4Benchmark {

    private static final int RUNS = 5;

    private Ext4Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            Path img = Path.of(args[3]);
            long t0 = System.nanoTime();
            writeOurs(Path.of(args[1]), options(Long.parseLong(args[2])), img);
            System.out.println((System.nanoTime() - t0) / 1e9);
            return;
        }
        Path tree = Path.of(args.length > 0 ? args[0] : "/tmp/remix-test-archive/minbase-tree");
        long free = (args.length > 1 ? Long.parseLong(args[1]) : 1024) << 20;
        if (!Files.isDirectory(tree.resolve("etc"))) {
            throw new IllegalArgumentException(tree + " is not a root filesystem tree; make one with mmdebstrap (see the class comment)");
        }
        Path work = Files.createTempDirectory("ext4-bench");
        try {
            Ext4Options options = options(free);
            List<Double> ours = new ArrayList<>();
            List<Double> oursWriteOnly = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            Ext4Result result = null;
            long size = 0;
            double cold = 0;
            for (int run = 0; run <= RUNS; run++) {
                Path img = work.resolve("ours.img");
                Files.deleteIfExists(img);
                long t0 = System.nanoTime();
                List<LayerEntry> scanned = new RootfsScanner().scan(tree);
                List<TreeEntry> entries = new ArrayList<>(scanned.size());
                Map<String, LayerEntry> byPath = new HashMap<>();
                for (LayerEntry e : scanned) {
                    entries.add(e.entry());
                    byPath.put(e.entry().path(), e);
                }
                Ext4Content content = e -> byPath.get(e.path()).content().open();
                long t1 = System.nanoTime();
                try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SPARSE)) {
                    result = new Ext4Writer().write(entries, content, options, ch, 0);
                }
                long t2 = System.nanoTime();
                size = result.sizeBytes();
                if (run == 0) {
                    cold = (t2 - t0) / 1e9;
                    continue;
                }
                ours.add((t2 - t0) / 1e9);
                oursWriteOnly.add((t2 - t1) / 1e9);
                Path ref = work.resolve("mke2fs.img");
                Files.deleteIfExists(ref);
                long m0 = System.nanoTime();
                run(List.of("mke2fs", "-q", "-F", "-t", "ext4", "-d", tree.toString(), ref.toString(), size / 1024 + "k"));
                theirs.add((System.nanoTime() - m0) / 1e9);
            }
            List<Double> freshJvm = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Path img = work.resolve("child.img");
                Files.deleteIfExists(img);
                String out = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), Ext4Benchmark.class.getName(), "--child", tree.toString(),
                        Long.toString(free), img.toString()));
                freshJvm.add(Double.parseDouble(out.lines().reduce((a, b) -> b).orElseThrow().trim()));
            }
            String fsck = run(List.of("e2fsck", "-fn", work.resolve("ours.img").toString()));
            System.out.printf("tree %s: %d inodes used, image %d MiB (%d of %d blocks used)%n", tree,
                    result.inodeCount() - result.freeInodes(), size >> 20, result.blockCount() - result.freeBlocks(),
                    result.blockCount());
            System.out.printf("ours, first run (cold JIT): %.3f s%n", cold);
            System.out.printf("ours (scan + write), each in a fresh JVM (as a CLI run, JVM start excluded), median of %d:"
                    + " %.3f s%n", RUNS, median(freshJvm));
            System.out.printf("ours (scan + write), warm JVM, median of %d: %.3f s   write only: %.3f s%n", RUNS,
                    median(ours), median(oursWriteOnly));
            System.out.printf("mke2fs -t ext4 -d,   median of %d: %.3f s%n", RUNS, median(theirs));
            System.out.printf("ratio ours/mke2fs: fresh JVM %.2f, warm %.2f (write only: %.2f)%n",
                    median(freshJvm) / median(theirs), median(ours) / median(theirs),
                    median(oursWriteOnly) / median(theirs));
            System.out.println("e2fsck -fn of ours: " + fsck.lines().reduce((a, b) -> b).orElse(""));
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(work);
        }
    }

    private static Ext4Options options(long freeBytes) {
        return Ext4Options.defaults(Ext4Size.contentPlus(freeBytes), UUID.fromString("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"),
                UUID.fromString("f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f"), Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** Reads the tree's metadata from the directory and writes our image: what one CLI export does. */
    private static Ext4Result writeOurs(Path tree, Ext4Options options, Path img) throws IOException {
        List<LayerEntry> scanned = new RootfsScanner().scan(tree);
        List<TreeEntry> entries = new ArrayList<>(scanned.size());
        Map<String, LayerEntry> byPath = new HashMap<>();
        for (LayerEntry e : scanned) {
            entries.add(e.entry());
            byPath.put(e.entry().path(), e);
        }
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            return new Ext4Writer().write(entries, e -> byPath.get(e.path()).content().open(), options, ch, 0);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + out);
        }
        return out;
    }
}
