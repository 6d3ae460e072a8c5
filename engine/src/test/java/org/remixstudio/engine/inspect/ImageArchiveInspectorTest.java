package org.remixstudio.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.ContentSource;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.ImageReference;
import org.remixstudio.engine.export.oci.ImageSpec;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.export.oci.OciArchiveWriter;
import org.remixstudio.engine.export.oci.RuntimeConfig;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Inspects a four-layer image written by the engine, and the same image converted by skopeo into a
 * plain OCI layout tar and into a docker-archive: all three must read the same.
 */
class ImageArchiveInspectorTest {

    private static final Instant T = Instant.parse("2024-02-02T00:00:00Z");

    @TempDir
    Path tmp;

    private Path archive;
    private final ImageArchiveInspector inspector = new ImageArchiveInspector();

    private static LayerEntry dir(String path) {
        return LayerEntry.of(TreeEntry.directory(path, 0755, T));
    }

    private static LayerEntry text(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry(TreeEntry.file(path, 0644, bytes.length, T), ContentSource.of(bytes));
    }

    private static String status(String... packages) {
        StringBuilder b = new StringBuilder();
        for (String p : packages) {
            String[] f = p.split(" ");
            b.append("Package: ").append(f[0]).append("\nStatus: install ok ").append(f.length > 2 ? f[2] : "installed")
                    .append("\nArchitecture: amd64\nVersion: ").append(f[1]).append("\n\n");
        }
        return b.toString();
    }

    private static List<LayerEntry> withStatus(String status, LayerEntry... more) {
        List<LayerEntry> entries = new ArrayList<>(List.of(dir("var"), dir("var/lib"), dir("var/lib/dpkg"),
                text("var/lib/dpkg/status", status)));
        entries.addAll(List.of(more));
        return entries;
    }

    @BeforeEach
    void writeImage() {
        LayerTarWriter writer = new LayerTarWriter(T, LayerTarWriter.Compression.GZIP);
        LayerBlob base = writer.write(withStatus(status("base-files 12.4", "libc6 2.36-9", "old-tool 1.0 config-files"),
                dir("etc"), text("etc/hostname", "remix\n"), text("etc/gone", "x\n"), dir("opt"), dir("opt/cache"),
                text("opt/cache/x", "x\n")), tmp.resolve("1.tar.gz"));
        LayerBlob web = writer.write(withStatus(status("base-files 12.4", "libc6 2.36-9+deb12u1", "nginx 1.22.1-9"),
                dir("etc"), LayerEntry.whiteout("etc/gone", T), dir("opt"), dir("opt/cache"),
                LayerEntry.opaqueWhiteout("opt/cache", T), text("opt/cache/y", "y\n")), tmp.resolve("2.tar.gz"));
        LayerBlob slim = writer.write(withStatus(status("base-files 12.4", "libc6 2.36-9+deb12u1")),
                tmp.resolve("3.tar.gz"));
        // a layer that deletes dpkg's whole database: no packages are known above it
        LayerBlob nodb = writer.write(List.of(dir("var"), dir("var/lib"), LayerEntry.whiteout("var/lib/dpkg", T)),
                tmp.resolve("4.tar.gz"));
        RuntimeConfig runtime = new RuntimeConfig("www-data", List.of("PATH=/usr/bin:/bin"), List.of("/usr/sbin/nginx"),
                List.of("-g", "daemon off;"), "/srv", new TreeSet<>(List.of("80/tcp", "443/tcp")),
                Map.of("org.opencontainers.image.title", "web"), "SIGQUIT");
        archive = tmp.resolve("web.tar");
        new OciArchiveWriter().write(new ImageSpec(ImageReference.parse("remix/web:1.0"), "amd64", "linux", runtime,
                List.of(new ImageLayer(base, "remix: base (minbase)", "the base"),
                        new ImageLayer(web, "remix: layer web (+nginx)", ""),
                        new ImageLayer(slim, "remix: layer slim (-nginx)", ""),
                        new ImageLayer(nodb, "remix: customizations", "")), T, Map.of()), archive);
    }

    private static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static void assertLayersAsWritten(InspectedImage image) {
        assertThat(image.layers()).hasSize(4);
        InspectedLayer base = image.layers().get(0);
        assertThat(base.createdBy()).isEqualTo("remix: base (minbase)");
        assertThat(base.comment()).isEqualTo("the base");
        assertThat(base.added()).extracting(DpkgPackage::name).containsExactly("base-files", "libc6");
        assertThat(base.whiteouts()).isEmpty();
        assertThat(base.entries()).isEqualTo(10);
        InspectedLayer web = image.layers().get(1);
        assertThat(web.createdBy()).isEqualTo("remix: layer web (+nginx)");
        assertThat(web.whiteouts()).containsExactly("etc/gone");
        assertThat(web.opaqueDirectories()).containsExactly("opt/cache");
        assertThat(web.added()).containsExactly(new DpkgPackage("nginx", "1.22.1-9", "amd64"));
        assertThat(web.changed()).containsExactly(new PackageChange("libc6", "amd64", "2.36-9", "2.36-9+deb12u1"));
        assertThat(web.removed()).isEmpty();
        InspectedLayer slim = image.layers().get(2);
        assertThat(slim.removed()).extracting(DpkgPackage::name).containsExactly("nginx");
        assertThat(slim.added()).isEmpty();
        InspectedLayer nodb = image.layers().get(3);
        assertThat(nodb.whiteouts()).containsExactly("var/lib/dpkg");
        assertThat(nodb.removed()).extracting(DpkgPackage::name).containsExactly("base-files", "libc6");
        for (InspectedLayer l : image.layers()) {
            assertThat(l.diffId()).startsWith("sha256:");
            assertThat(l.uncompressedSize()).isPositive();
        }
        assertThat(image.warnings()).isEmpty();
        assertThat(image.architecture()).isEqualTo("amd64");
        assertThat(image.user()).isEqualTo("www-data");
        assertThat(image.entrypoint()).containsExactly("/usr/sbin/nginx");
        assertThat(image.cmd()).containsExactly("-g", "daemon off;");
        assertThat(image.env()).containsExactly("PATH=/usr/bin:/bin");
        assertThat(image.workingDir()).isEqualTo("/srv");
        assertThat(image.exposedPorts()).containsExactly("443/tcp", "80/tcp");
        assertThat(image.labels()).containsEntry("org.opencontainers.image.title", "web");
        assertThat(image.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(image.created()).isEqualTo("2024-02-02T00:00:00Z");
    }

    @Test
    void theEnginesArchive_readsAsOciAndDocker() {
        ImageInspection inspection = inspector.inspect(archive);

        assertThat(inspection.format()).isEqualTo("oci-archive+docker-archive");
        assertThat(inspection.images()).hasSize(1);
        InspectedImage image = inspection.images().get(0);
        assertThat(image.references()).containsExactly("remix/web:1.0");
        assertThat(image.manifestDigest()).startsWith("sha256:");
        assertLayersAsWritten(image);
        assertThat(image.layers().get(0).mediaType()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
    }

    @Test
    void anOciLayoutTarFromSkopeo_readsTheSame() throws Exception {
        Path plain = tmp.resolve("plain.tar");
        sh("skopeo", "copy", "-q", "oci-archive:" + archive, "oci-archive:" + plain + ":stable");

        ImageInspection inspection = inspector.inspect(plain);

        assertThat(inspection.format()).isEqualTo("oci-archive");
        assertThat(inspection.images().get(0).references()).containsExactly("stable");
        assertLayersAsWritten(inspection.images().get(0));
    }

    @Test
    void aDockerArchiveFromSkopeo_readsTheSame_withUncompressedLayers() throws Exception {
        Path docker = tmp.resolve("docker.tar");
        sh("skopeo", "copy", "-q", "oci-archive:" + archive, "docker-archive:" + docker + ":example/web:2");

        ImageInspection inspection = inspector.inspect(docker);

        assertThat(inspection.format()).isEqualTo("docker-archive");
        InspectedImage image = inspection.images().get(0);
        assertThat(image.references()).containsExactly("docker.io/example/web:2");
        assertThat(image.manifestDigest()).isEmpty();
        assertLayersAsWritten(image);
        InspectedImage original = inspector.inspect(archive).images().get(0);
        for (int i = 0; i < 4; i++) {
            InspectedLayer l = image.layers().get(i);
            assertThat(l.diffId()).isEqualTo(original.layers().get(i).diffId());
            assertThat(l.compressedSize()).isEqualTo(l.uncompressedSize());
        }
        assertThat(image.configDigest()).isEqualTo(original.configDigest());
    }

    @Test
    void aLayerThatDoesNotMatchTheConfig_isReportedAsAWarning() throws Exception {
        Path docker = tmp.resolve("docker.tar");
        sh("skopeo", "copy", "-q", "oci-archive:" + archive, "docker-archive:" + docker + ":example/web:2");
        // swap two layers in manifest.json: the config's diff_ids no longer match
        Path tampered = tmp.resolve("tampered.tar");
        rewriteManifest(docker, tampered);

        InspectedImage image = inspector.inspect(tampered).images().get(0);

        assertThat(image.warnings()).anySatisfy(w -> assertThat(w).contains("layer 1").contains("diff_id"));
    }

    /** Copies a docker-archive with the first two layers of its manifest swapped. */
    private static void rewriteManifest(Path from, Path to) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarFile(from);
             OutputStream out = Files.newOutputStream(to);
             TarArchiveOutputStream copy = new TarArchiveOutputStream(out)) {
            copy.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e : tar.getEntries()) {
                byte[] content = tar.getInputStream(e).readAllBytes();
                if (e.getName().equals("manifest.json")) {
                    var root = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(content);
                    var layers = (com.fasterxml.jackson.databind.node.ArrayNode) root.get(0).get("Layers");
                    var first = layers.get(0);
                    layers.set(0, layers.get(1));
                    layers.set(1, first);
                    content = json.writeValueAsBytes(root);
                }
                TarArchiveEntry n = new TarArchiveEntry(e.getName());
                n.setSize(content.length);
                copy.putArchiveEntry(n);
                copy.write(content);
                copy.closeArchiveEntry();
            }
        }
    }

    @Test
    void whatIsNoImageArchive_isRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> inspector.inspect(tmp.resolve("missing.tar"))).isInstanceOf(EngineException.class)
                .hasMessageContaining("missing.tar").hasMessageContaining("does not exist");

        Path plainTar = tmp.resolve("plain.tar");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry e = new TarArchiveEntry("hello.txt");
            e.setSize(2);
            tar.putArchiveEntry(e);
            tar.write("hi".getBytes(StandardCharsets.UTF_8));
            tar.closeArchiveEntry();
        }
        Files.write(plainTar, bytes.toByteArray());
        assertThatThrownBy(() -> inspector.inspect(plainTar)).isInstanceOf(EngineException.class)
                .hasMessageContaining("neither an OCI image layout").hasMessageContaining("index.json");

        Path noise = tmp.resolve("noise.tar");
        Files.writeString(noise, "this is not a tar archive at all".repeat(40));
        assertThatThrownBy(() -> inspector.inspect(noise)).isInstanceOf(EngineException.class)
                .hasMessageContaining("noise.tar");
    }

    @Test
    void anArchiveWithoutABlobItsManifestNames_isIncomplete() throws Exception {
        Path cut = tmp.resolve("cut.tar");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarFile(archive);
             TarArchiveOutputStream copy = new TarArchiveOutputStream(Files.newOutputStream(cut))) {
            copy.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            String skip = inspector.inspect(archive).images().get(0).layers().get(2).digest().replace(':', '/');
            for (TarArchiveEntry e : tar.getEntries()) {
                if (e.getName().endsWith(skip)) {
                    continue;
                }
                byte[] content = tar.getInputStream(e).readAllBytes();
                TarArchiveEntry n = new TarArchiveEntry(e.getName());
                n.setSize(content.length);
                copy.putArchiveEntry(n);
                copy.write(content);
                copy.closeArchiveEntry();
            }
        }

        assertThatThrownBy(() -> inspector.inspect(cut)).isInstanceOf(EngineException.class)
                .hasMessageContaining("missing from the archive");
    }
}
