package org.remixstudio.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.remixstudio.engine.api.BootCommand;
import org.remixstudio.engine.api.BuildRequest;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.RemixEngine;
import org.remixstudio.engine.build.vm.RootfsTar;
import org.remixstudio.engine.export.disk.DiskImageFormat;
import org.remixstudio.engine.export.disk.DiskImageWriter;
import org.remixstudio.engine.export.disk.SeededIds;
import org.remixstudio.engine.export.disk.SparseImageFile;
import org.remixstudio.engine.export.disk.ext4.Ext4Options;
import org.remixstudio.engine.export.disk.ext4.Ext4Size;
import org.remixstudio.engine.export.disk.ext4.Ext4Writer;
import org.remixstudio.engine.testing.ContainerTools;
import org.remixstudio.engine.testing.SerialConsole;

/**
 * The VM export's figures, in one run: (1) our ext4 + qcow2 export of the minbase tree (read from the
 * build's rootfs tar, as the export reads it) against {@code mke2fs -t ext4 -d DIR} + {@code qemu-img
 * convert -O qcow2} (then {@code sync} of its output, as our export forces its output to disk before
 * moving it into place) of the same tree unpacked in a directory, same filesystem size, median of 5 each
 * after one warm-up, alternating; (2) boot time of the vm-bookworm example to {@code login:} under
 * QEMU with OVMF (software emulation where KVM does not work), median of 3 ({@code -Dboots=0} skips
 * it). Needs the archive (the trees are built from the host's sources into the test cache), e2fsprogs, qemu-utils, QEMU and OVMF,
 * and root (to unpack the tree with its owners for mke2fs). From the repository root:
 * <pre>
 * mvn -q -B -DskipTests package &amp;&amp; mvn -q -B -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.remixstudio.engine.bench.VmExportBenchmark
 * </pre>
 */
public final class VmExportBenchmark {

    private static final int RUNS = 5;
    private static final int BOOTS = Integer.getInteger("boots", 3);

    public static void main(String[] args) throws Exception {
        Path root = BenchmarkSupport.findRoot();
        Path work = Files.createTempDirectory("remix-vm-bench");
        RemixEngine engine = new RemixEngine(EngineSettings.defaults()
                .withCacheDir(Path.of("/tmp/remix-test-archive/repo-cache")));
        try {
            Path tar = engine.build(new BuildRequest(root.resolve("docs/examples/minimal-bookworm.remix.json"),
                    work.resolve("minbase.tar"), BuildRequest.Format.ROOTFS, false, null, List.of()), e -> { }).output();
            Path dir = Files.createDirectories(work.resolve("tree"));
            ContainerTools.sh("tar", "-xpf", tar.toString(), "-C", dir.toString(), "--numeric-owner", "--xattrs",
                    "--xattrs-include=*");
            System.out.printf(Locale.ROOT, "VM export benchmark, %s, load %s%n", Instant.now(), BenchmarkSupport.loadAverage());

            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            long fsBytes = 0;
            for (int i = 0; i <= RUNS; i++) {
                long t0 = System.nanoTime();
                fsBytes = exportOurs(tar, work.resolve("ours.qcow2"));
                double a = BenchmarkSupport.seconds(t0);
                t0 = System.nanoTime();
                Path img = work.resolve("theirs.img");
                Files.deleteIfExists(img);
                ContainerTools.sh("mke2fs", "-q", "-F", "-t", "ext4", "-d", dir.toString(), img.toString(),
                        (fsBytes / 1024) + "k");
                ContainerTools.sh("qemu-img", "convert", "-O", "qcow2", img.toString(), work.resolve("theirs.qcow2").toString());
                // our export forces the finished image to disk before it moves it into place; so must theirs
                ContainerTools.sh("sync", work.resolve("theirs.qcow2").toString());
                double b = BenchmarkSupport.seconds(t0);
                if (i > 0) {
                    ours.add(a);
                    theirs.add(b);
                }
                System.out.printf(Locale.ROOT, "%s run %d: ours %.2f s, mke2fs -d + qemu-img convert %.2f s (load %s)%n",
                        i == 0 ? "warm-up" : "", i, a, b, BenchmarkSupport.loadAverage());
            }
            double o = BenchmarkSupport.median(ours);
            double t = BenchmarkSupport.median(theirs);
            System.out.printf(Locale.ROOT, "ext4 + qcow2 of the minbase tree (%d MiB filesystem): ours %.2f s, "
                    + "mke2fs + qemu-img %.2f s, ratio %.2f (target <= 1.0); sizes: ours %d MiB, theirs %d MiB%n",
                    fsBytes >> 20, o, t, o / t, Files.size(work.resolve("ours.qcow2")) >> 20,
                    Files.size(work.resolve("theirs.qcow2")) >> 20);

            if (BOOTS == 0) {
                return;
            }
            Path vm = engine.build(new BuildRequest(root.resolve("docs/examples/vm-bookworm.remix.json"),
                    work.resolve("vm.qcow2"), BuildRequest.Format.QCOW2, false, null, List.of()), e -> { }).output();
            List<Double> boots = new ArrayList<>();
            boolean kvm = false;
            for (int i = 0; i < BOOTS; i++) {
                BootCommand boot = engine.prepareBoot(vm, "amd64", 1024, true, null);
                kvm = boot.kvm();
                long t0 = System.nanoTime();
                try (SerialConsole console = SerialConsole.start(boot.command())) {
                    console.await("login:", 0, Duration.ofMinutes(6));
                    boots.add(BenchmarkSupport.seconds(t0));
                } finally {
                    boot.cleanUp();
                }
                System.out.printf(Locale.ROOT, "boot %d to login: %.1f s (load %s)%n", i + 1, boots.get(i),
                        BenchmarkSupport.loadAverage());
            }
            System.out.printf(Locale.ROOT, "boot to login: median %.1f s (%s)%n", BenchmarkSupport.median(boots),
                    kvm ? "KVM" : "software emulation, TCG");
        } finally {
            BenchmarkSupport.deleteTree(work);
        }
    }

    /** What the export does for the root filesystem: ext4 from the rootfs tar into a sparse image, then qcow2. */
    private static long exportOurs(Path tar, Path out) throws Exception {
        Path raw = out.resolveSibling("ours.raw");
        Files.deleteIfExists(raw);
        SeededIds ids = new SeededIds("bench".getBytes());
        try (RootfsTar tree = RootfsTar.open(tar)) {
            Ext4Writer ext4 = new Ext4Writer();
            Ext4Options options = Ext4Options.defaults(new Ext4Size.ContentPlus(1L << 30), ids.uuid("fs"),
                    ids.uuid("seed"), Instant.ofEpochSecond(1735689600));
            long size = ext4.minimalSize(tree.entries(), 1L << 30, options);
            try (SparseImageFile image = SparseImageFile.create(raw, size)) {
                ext4.write(tree.entries(), tree::open, options.withSize(new Ext4Size.Fixed(size)), image, e -> { });
                new DiskImageWriter(ids, false).write(image.content(), DiskImageFormat.QCOW2, out);
            }
            return size;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private VmExportBenchmark() {
    }
}
