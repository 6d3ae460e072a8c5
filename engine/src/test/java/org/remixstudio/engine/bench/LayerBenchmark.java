package org.remixstudio.engine.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.remixstudio.engine.build.layer.LayerApplier;
import org.remixstudio.engine.build.layer.LayerChanges;
import org.remixstudio.engine.build.layer.LayerDiff;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.build.layer.TreeScan;
import org.remixstudio.engine.build.layer.TreeScanner;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerTarWriter;

/**
 * Measures the layer machinery on a real root filesystem (as root, so ownership is real): scanning
 * with and without hash re-use, the manifest file, diffing and writing layers, and re-creating a
 * tree by applying its layer versus copying a kept tree. Not a test: make a tree first, e.g.
 *
 * <pre>
 * mmdebstrap --variant=minbase bookworm /tmp/minbase.tar &amp;&amp; mkdir /tmp/minbase \
 *     &amp;&amp; tar -C /tmp/minbase --numeric-owner -xpf /tmp/minbase.tar
 * mvn -q -o -pl engine test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.remixstudio.engine.bench.LayerBenchmark \
 *     -Dexec.args="/tmp/minbase /tmp/layer-bench-work"
 * </pre>
 */
public final class LayerBenchmark {

    private LayerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path work = Path.of(args.length > 1 ? args[1] : "/tmp/layer-bench-work");
        deleteTree(work);
        Files.createDirectories(work);
        Path tree = work.resolve("tree");
        time("cp -a of the tree (setup)", () -> run("cp", "-a", source.toString(), tree.toString()));
        TreeScanner scanner = new TreeScanner();

        TreeScan cold = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            cold = scanner.scan(tree);
            report("scan, hashing every file", t, cold);
        }
        Thread.sleep(TreeScanner.RACY_MARGIN.toMillis() + 100);
        TreeScan base = scanner.scan(tree);
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            TreeScan warm = scanner.scan(tree, base.manifest());
            report("scan, re-using hashes", t, warm);
        }
        TreeManifest manifest = base.manifest();
        System.out.printf(Locale.ROOT, "tree: %d entries, %.1f MiB of file content%n", manifest.size(),
                manifest.contentBytes() / 1048576.0);

        Path manifestFile = work.resolve("manifest.bin");
        time("manifest write", () -> manifest.write(manifestFile));
        System.out.printf(Locale.ROOT, "manifest file: %d KiB%n", Files.size(manifestFile) / 1024);
        for (int i = 0; i < 3; i++) {
            time("manifest read", () -> TreeManifest.read(manifestFile));
        }

        Instant epoch = Instant.parse("2024-01-01T00:00:00Z");
        LayerTarWriter writer = new LayerTarWriter(epoch, LayerTarWriter.Compression.GZIP);
        LayerChanges[] full = new LayerChanges[1];
        time("diff empty → tree (base layer)", () -> full[0] = LayerDiff.compute(TreeManifest.empty(), manifest, tree));
        LayerBlob[] baseBlob = new LayerBlob[1];
        time("write base layer (gzip 6)", () -> baseBlob[0] = writer.write(full[0].entries(), work.resolve("base.tar.gz")));
        System.out.printf(Locale.ROOT, "base layer: %d entries, %.1f MiB compressed%n", full[0].entries().size(),
                baseBlob[0].size() / 1048576.0);

        // a second step: remove the docs and man pages, add a file, rewrite dpkg's status
        run("sh", "-c", "rm -rf " + tree + "/usr/share/doc/* " + tree + "/usr/share/man"
                + " && echo hello > " + tree + "/etc/added && echo '# changed' >> " + tree + "/var/lib/dpkg/status");
        TreeScan[] after = new TreeScan[1];
        long t0 = System.nanoTime();
        after[0] = scanner.scan(tree, manifest);
        report("scan after the step, re-using hashes", t0, after[0]);
        LayerChanges[] step = new LayerChanges[1];
        for (int i = 0; i < 3; i++) {
            time("diff before → after", () -> step[0] = LayerDiff.compute(manifest, after[0].manifest(), tree));
        }
        System.out.printf(Locale.ROOT, "step layer: %d entries (%d added, %d modified, %d deleted, %d opaque)%n",
                step[0].entries().size(), step[0].added().size(), step[0].modified().size(), step[0].deleted().size(),
                step[0].opaque().size());
        time("write step layer", () -> writer.write(step[0].entries(), work.resolve("step.tar.gz")));

        // re-creating the tree after the base layer: apply its blob, or copy a kept tree
        for (int i = 0; i < 3; i++) {
            time("read the base layer only (gunzip + tar parsing)", () -> {
                try (var reader = org.remixstudio.engine.build.layer.LayerTarReader.open(baseBlob[0].file())) {
                    while (reader.next() != null) {
                        reader.content().transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            });
        }
        LayerApplier applier = new LayerApplier();
        // interleaved, so that both ways see the same load on a shared machine
        for (int i = 0; i < 3; i++) {
            Path applied = Files.createDirectories(work.resolve("applied" + i));
            time("apply base layer onto an empty directory", () -> applier.apply(baseBlob[0].file(), applied));
            Path copied = work.resolve("copied" + i);
            time("copy the kept tree in Java (walk, copy, attributes)", () -> javaCopy(source, copied));
            Path cp = work.resolve("cp" + i);
            time("copy the kept tree with cp -a", () -> run("cp", "-a", source.toString(), cp.toString()));
        }
        Path applied = work.resolve("applied0");
        TreeScan check = scanner.scan(applied);
        List<String> differences = manifest.differences(check.manifest(), false);
        System.out.printf(Locale.ROOT, "applied tree vs original: %d paths differ but for mtimes %s%n",
                differences.size(), differences.stream().limit(5).toList());
        deleteTree(work);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void time(String what, Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        System.out.printf(Locale.ROOT, "%-55s %7.0f ms%n", what, (System.nanoTime() - t) / 1e6);
    }

    private static void report(String what, long started, TreeScan scan) {
        System.out.printf(Locale.ROOT, "%-55s %7.0f ms  (%d hashed, %.1f MiB read, %d re-used)%n", what,
                (System.nanoTime() - started) / 1e6, scan.hashedFiles(), scan.hashedBytes() / 1048576.0,
                scan.reusedHashes());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    /** A faithful copy in plain Java: what keeping a tree per cached layer would cost to restore. */
    private static void javaCopy(Path from, Path to) throws IOException {
        Map<Object, Path> inodes = new HashMap<>();
        List<Path[]> dirs = new java.util.ArrayList<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectory(target);
                dirs.add(new Path[] {dir, target});
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Map<String, Object> a = Files.readAttributes(file, "unix:nlink,ino,uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile() && (Integer) a.get("nlink") > 1) {
                    Path first = inodes.putIfAbsent(a.get("ino"), target);
                    if (first != null) {
                        Files.createLink(target, first);
                        return FileVisitResult.CONTINUE;
                    }
                }
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                } else {
                    return FileVisitResult.CONTINUE; // devices: a handful, left out here
                }
                Files.setAttribute(target, "unix:uid", a.get("uid"), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(target, "unix:gid", a.get("gid"), LinkOption.NOFOLLOW_LINKS);
                if (!attrs.isSymbolicLink()) {
                    Files.setAttribute(target, "unix:mode", a.get("mode"), LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (int i = dirs.size() - 1; i >= 0; i--) {
            Path[] d = dirs.get(i);
            Map<String, Object> a = Files.readAttributes(d[0], "unix:uid,gid,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(d[1], "unix:uid", a.get("uid"));
            Files.setAttribute(d[1], "unix:gid", a.get("gid"));
            Files.setAttribute(d[1], "unix:mode", a.get("mode"));
            Files.setLastModifiedTime(d[1], (FileTime) a.get("lastModifiedTime"));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
