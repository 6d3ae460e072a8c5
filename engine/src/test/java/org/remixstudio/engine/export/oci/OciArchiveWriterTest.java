package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;

/** Checks written images with the real tools: skopeo copy verifies every blob digest on the way. */
class OciArchiveWriterTest {

    private static final ImageReference REF = ImageReference.parse("remix/export-test:1.0");

    @TempDir
    Path tmp;

    @Test
    void skopeoCopy_fromOciArchive_acceptsTheImageAndItsDigests() throws Exception {
        Path archive = TestImages.buildArchive(tmp, REF);
        Path out = tmp.resolve("copied");

        Commands.ok("skopeo", "copy", "oci-archive:" + archive, "dir:" + out);

        assertThat(out.resolve("manifest.json")).exists();
        String inspect = Commands.ok("skopeo", "inspect", "--config", "oci-archive:" + archive);
        assertThat(inspect).contains("\"created_by\": \"remix: base (busybox-static)\"", "\"GREETING=hi\"", "8080/tcp");
    }

    @Test
    void skopeoCopy_fromDockerArchive_acceptsTheImageAndItsDigests() throws Exception {
        Path archive = TestImages.buildArchive(tmp, REF);
        Path out = tmp.resolve("copied");

        Commands.ok("skopeo", "copy", "docker-archive:" + archive, "dir:" + out);

        assertThat(out.resolve("manifest.json")).exists();
        try (var blobs = Files.list(out)) {
            assertThat(blobs.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).count()).isEqualTo(3);
        }
    }

    @Test
    void podmanLoad_thenRun_busyboxImageSeesBothLayersWithWhiteoutsApplied() throws Exception {
        ImageReference ref = ImageReference.parse("remix-test/export-run:t" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Path archive = TestImages.buildArchive(tmp, ref);
        String loadedName = "localhost/" + ref;
        try {
            String loaded = Commands.ok("podman", "load", "-i", archive.toString());
            assertThat(loaded).contains("Loaded image: " + loadedName);

            String out = Commands.ok("podman", "--runtime", "runc", "run", "--rm", "--pull=never",
                    "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096", loadedName,
                    "cat /etc/hello /etc/motd; ls /var/cache; test -e /etc/gone || echo gone-ok;"
                            + " stat -c '%a %u:%g' /srv/owned /tmp; echo \"$GREETING\" \"$(pwd)\"");

            assertThat(out.lines().toList()).containsSubsequence(
                    "hello from remix", "second layer", "new", "gone-ok", "640 1234:5678", "1777 0:0", "hi /etc");
            assertThat(out).doesNotContain("old");
        } finally {
            Commands.run(List.of("podman", "rmi", "--force", loadedName));
        }
    }

    @Test
    void umociUnpack_ofTheDirectoryLayout_appliesExplicitAndOpaqueWhiteouts() throws Exception {
        LayerTarWriter writer = new LayerTarWriter(TestImages.CREATED, LayerTarWriter.Compression.GZIP);
        LayerBlob base = writer.write(TestImages.baseLayer(), tmp.resolve("base.tar.gz"));
        LayerBlob upper = writer.write(TestImages.upperLayer(), tmp.resolve("upper.tar.gz"));
        Path layout = tmp.resolve("layout");
        new OciDirectoryWriter().write(TestImages.spec(REF, base, upper), layout);
        Path bundle = tmp.resolve("bundle");

        Commands.ok("umoci", "unpack", "--image", layout + ":" + REF, bundle.toString());

        Path rootfs = bundle.resolve("rootfs");
        assertThat(rootfs.resolve("etc/hello")).hasContent("hello from remix");
        assertThat(rootfs.resolve("etc/motd")).hasContent("second layer");
        assertThat(rootfs.resolve("etc/gone")).doesNotExist();
        assertThat(rootfs.resolve("etc/.wh.gone")).doesNotExist();
        assertThat(rootfs.resolve("var/cache/old")).doesNotExist();
        assertThat(rootfs.resolve("var/cache/new")).hasContent("fresh");
        assertThat(Files.isSymbolicLink(rootfs.resolve("bin/sh"))).isTrue();
        assertThat(Files.getAttribute(rootfs.resolve("srv/owned"), "unix:uid")).isEqualTo(1234);
    }

    @Test
    void ociDirectory_holdsTheSameFilesAsTheArchive() throws Exception {
        Path archive = TestImages.buildArchive(tmp, REF);
        LayerBlob base = new LayerTarWriter(TestImages.CREATED, LayerTarWriter.Compression.GZIP)
                .write(TestImages.baseLayer(), tmp.resolve("base2.tar.gz"));
        LayerBlob upper = new LayerTarWriter(TestImages.CREATED, LayerTarWriter.Compression.GZIP)
                .write(TestImages.upperLayer(), tmp.resolve("upper2.tar.gz"));
        Path layout = tmp.resolve("layout");
        new OciDirectoryWriter().write(TestImages.spec(REF, base, upper), layout);
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        Commands.ok("tar", "-xf", archive.toString(), "-C", unpacked.toString());

        Commands.ok("diff", "-r", unpacked.toString(), layout.toString());
        Commands.ok("skopeo", "copy", "oci:" + layout + ":" + REF, "dir:" + tmp.resolve("from-dir"));
    }

    @Test
    void write_layerChangedAfterItWasMade_failsAndLeavesNoPartialOutput() throws Exception {
        LayerTarWriter writer = new LayerTarWriter(TestImages.CREATED, LayerTarWriter.Compression.GZIP);
        LayerBlob base = writer.write(TestImages.baseLayer(), tmp.resolve("base.tar.gz"));
        LayerBlob upper = writer.write(TestImages.upperLayer(), tmp.resolve("upper.tar.gz"));
        byte[] tampered = Files.readAllBytes(upper.file());
        tampered[tampered.length / 2] ^= 1;
        Files.write(upper.file(), tampered);
        Path out = Files.createDirectories(tmp.resolve("out"));

        assertThatThrownBy(() -> new OciArchiveWriter().write(TestImages.spec(REF, base, upper), out.resolve("image.tar")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(upper.file().toString())
                .hasMessageContaining("changed after it was made");
        try (var left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void write_sameInputTwice_givesByteIdenticalArchives() throws Exception {
        Path first = TestImages.buildArchive(Files.createDirectories(tmp.resolve("a")), REF);
        Path second = TestImages.buildArchive(Files.createDirectories(tmp.resolve("b")), REF);

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        for (String layer : List.of("base.tar.gz", "upper.tar.gz")) {
            assertThat(Files.mismatch(tmp.resolve("a").resolve(layer), tmp.resolve("b").resolve(layer))).isEqualTo(-1L);
        }
    }
}
