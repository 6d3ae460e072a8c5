package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.deb.DebArchive;
import org.remixstudio.engine.deb.ExtractOptions;
import org.remixstudio.engine.deb.ExtractionReport;
import org.remixstudio.engine.deb.TreeExtractor;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * The two building blocks together on a real package: busybox-static from the Debian archive is
 * extracted into a root filesystem, scanned back, written as a layer and loaded into podman, where
 * it must run.
 */
@Tag("archive")
class DebianPackageImageTest {

    @TempDir
    Path tmp;

    @Test
    void busyboxStaticDeb_becomesAnImageThatPodmanRuns() throws Exception {
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        Commands.Result download = Commands.run(List.of("sh", "-c", "cd " + downloads + " && apt-get download busybox-static"));
        if (download.exitCode() != 0) {
            Commands.ok("apt-get", "update", "-q");
            Commands.ok("sh", "-c", "cd " + downloads + " && apt-get download busybox-static");
        }
        Path deb;
        try (Stream<Path> files = Files.list(downloads)) {
            deb = files.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        ExtractionReport report = new TreeExtractor(rootfs, ExtractOptions.defaults()).extractAll(DebArchive.open(deb));
        assertThat(report.files()).isPositive();

        Instant epoch = Instant.parse("2024-06-01T00:00:00Z");
        List<LayerEntry> entries = new ArrayList<>(new RootfsScanner().scan(rootfs));
        entries.add(LayerEntry.of(TreeEntry.symlink("bin/sh", "busybox", epoch)));
        LayerBlob layer = new LayerTarWriter(epoch, LayerTarWriter.Compression.GZIP)
                .write(entries, tmp.resolve("layer.tar.gz"));
        ImageReference ref = ImageReference.parse("remix-test/busybox-deb:t" + System.nanoTime());
        RuntimeConfig runtime = new RuntimeConfig("", List.of("PATH=/bin:/usr/bin"), List.of("/bin/busybox"),
                List.of("echo", "built from a deb"), "", new TreeSet<>(), Map.of(), "");
        Path archive = tmp.resolve("image.tar");
        new OciArchiveWriter().write(new ImageSpec(ref, "amd64", "linux", runtime,
                List.of(new ImageLayer(layer, "remix: busybox-static", "")), epoch, Map.of()), archive);

        Commands.ok("skopeo", "copy", "docker-archive:" + archive, "dir:" + tmp.resolve("docker-dir"));
        String loadedName = "localhost/" + ref;
        try {
            Commands.ok("podman", "load", "-i", archive.toString());
            String out = Commands.ok("podman", "--runtime", "runc", "run", "--rm", "--pull=never",
                    "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096", loadedName);
            assertThat(out).contains("built from a deb");
        } finally {
            Commands.run(List.of("podman", "rmi", "--force", loadedName));
        }
    }
}
