package org.remixstudio.engine.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.remixstudio.engine.export.disk.DiskContent;
import org.remixstudio.engine.export.disk.DiskImageFormat;
import org.remixstudio.engine.export.disk.DiskImageWriter;
import org.remixstudio.engine.export.disk.SeededIds;
import org.remixstudio.engine.export.disk.SparseImageFile;

/**
 * Compares our qcow2 (and VMDK) conversion of a 1 GiB sparse raw disk holding about 200 MB of data
 * (half random, half text-like, in 1 MiB pieces spread over the disk, page cache warm) with
 * {@code qemu-img convert}: median of 5 runs each and the ratio. Our writer runs twice: with the
 * written-range map the engine's own image carries, and over the plain file, which it must read
 * whole (Java cannot ask for holes; qemu-img uses {@code SEEK_DATA}). Our writer forces its output
 * to disk before renaming it into place, so qemu-img's output is synced too ({@code sync FILE}) for
 * a fair comparison. Not a test; run with
 *
 * <pre>
 * mvn -q -o -pl engine test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.remixstudio.engine.bench.DiskFormatBenchmark \
 *     -Dexec.args="/tmp/disk-bench"
 * </pre>
 */
public final class DiskFormatBenchmark {

    private static final long MIB = 1024 * 1024;
    private static final int RUNS = 5;

    private interface Job {
        void run() throws Exception;
    }

    private DiskFormatBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/disk-bench");
        Files.createDirectories(work);
        Path raw = work.resolve("disk.raw");
        DiskContent mapped;
        try (SparseImageFile image = SparseImageFile.create(raw, 1024 * MIB)) {
            fill(image);
            mapped = image.content();
        }
        DiskContent plain = SparseImageFile.contentOf(raw);
        long data = mapped.dataRanges().stream().mapToLong(r -> r.length()).sum();
        System.out.printf(Locale.ROOT, "raw disk: 1024 MiB virtual, %.0f MiB written%n", data / (double) MIB);
        DiskImageWriter writer = new DiskImageWriter(new SeededIds(new byte[] {1}), false);
        DiskImageWriter compressing = new DiskImageWriter(new SeededIds(new byte[] {1}), true);
        Path ours = work.resolve("ours.qcow2");
        Path theirs = work.resolve("qemu.qcow2");

        double qemu = median("qemu-img convert -O qcow2", () -> run("qemu-img", "convert", "-f", "raw", "-O", "qcow2",
                raw.toString(), theirs.toString(), "&&", "sync", theirs.toString()), theirs);
        double mappedTime = median("ours, qcow2 from the written-range map",
                () -> writer.write(mapped, DiskImageFormat.QCOW2, ours), ours);
        double plainTime = median("ours, qcow2 from the plain raw file",
                () -> writer.write(plain, DiskImageFormat.QCOW2, ours), ours);
        System.out.printf(Locale.ROOT, "ratio ours/qemu-img: %.2f (map), %.2f (plain file)%n",
                mappedTime / qemu, plainTime / qemu);

        double qemuCompressed = median("qemu-img convert -c -O qcow2", () -> run("qemu-img", "convert", "-c", "-f", "raw",
                "-O", "qcow2", raw.toString(), theirs.toString(), "&&", "sync", theirs.toString()), theirs);
        double oursCompressed = median("ours, compressed qcow2 from the map",
                () -> compressing.write(mapped, DiskImageFormat.QCOW2, ours), ours);
        System.out.printf(Locale.ROOT, "ratio ours/qemu-img compressed: %.2f%n", oursCompressed / qemuCompressed);

        Path vmdk = work.resolve("ours.vmdk");
        Path qemuVmdk = work.resolve("qemu.vmdk");
        double qemuStream = median("qemu-img convert -O vmdk streamOptimized", () -> run("qemu-img", "convert", "-f",
                "raw", "-O", "vmdk", "-o", "subformat=streamOptimized", raw.toString(), qemuVmdk.toString(), "&&", "sync", qemuVmdk.toString()), qemuVmdk);
        double oursStream = median("ours, streamOptimized VMDK from the map",
                () -> writer.write(mapped, DiskImageFormat.VMDK, vmdk), vmdk);
        System.out.printf(Locale.ROOT, "ratio ours/qemu-img vmdk: %.2f%n", oursStream / qemuStream);
    }

    /** 200 pieces of 1 MiB every 5 MiB: even ones random, odd ones repetitive text. */
    private static void fill(SparseImageFile image) throws IOException {
        Random random = new Random(1);
        byte[] block = new byte[(int) MIB];
        byte[] text = "Package: remix-studio\nVersion: 1.0\nDescription: a disk benchmark line\n"
                .repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 200; i++) {
            if (i % 2 == 0) {
                random.nextBytes(block);
                image.write(i * 5 * MIB, ByteBuffer.wrap(block));
            } else {
                image.write(i * 5 * MIB, ByteBuffer.wrap(text, i % 1000, (int) MIB));
            }
        }
    }

    private static double median(String label, Job job, Path output) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Files.deleteIfExists(output);
            long t = System.nanoTime();
            job.run();
            times.add((System.nanoTime() - t) / 1e9);
        }
        Collections.sort(times);
        double median = times.get(RUNS / 2);
        System.out.printf(Locale.ROOT, "%-45s median %.3f s (runs %s), output %.1f MiB%n", label, median, times,
                Files.size(output) / (double) MIB);
        return median;
    }

    /** Runs a shell command line made of {@code words} (so that {@code &&} works). */
    private static void run(String... words) throws IOException, InterruptedException {
        String[] command = {"sh", "-c", String.join(" ", words)};
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
