package org.remixstudio.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.export.oci.ContentSource;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.ImageReference;
import org.remixstudio.engine.export.oci.ImageSpec;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.export.oci.OciArchiveWriter;
import org.remixstudio.engine.export.oci.RuntimeConfig;
import org.remixstudio.engine.tree.TreeEntry;

/** {@code remix inspect} on an image the engine wrote: text, JSON, and refusals. */
class InspectCommandTest {

    private static final Instant T = Instant.parse("2024-03-03T00:00:00Z");

    @TempDir
    static Path tmp;

    static Path archive;

    private record Run(int code, String out, String err) {
    }

    private static Run remix(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RemixCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static LayerEntry text(String path, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry(TreeEntry.file(path, 0644, b.length, T), ContentSource.of(b));
    }

    @BeforeAll
    static void image() {
        LayerTarWriter w = new LayerTarWriter(T, LayerTarWriter.Compression.GZIP);
        var base = w.write(List.of(LayerEntry.of(TreeEntry.directory("etc", 0755, T)), text("etc/old", "x"),
                LayerEntry.of(TreeEntry.directory("var", 0755, T)), LayerEntry.of(TreeEntry.directory("var/lib", 0755, T)),
                LayerEntry.of(TreeEntry.directory("var/lib/dpkg", 0755, T)),
                text("var/lib/dpkg/status", "Package: hello\nStatus: install ok installed\nArchitecture: amd64\n"
                        + "Version: 2.10-3\n\n")), tmp.resolve("1.tar.gz"));
        var top = w.write(List.of(LayerEntry.of(TreeEntry.directory("etc", 0755, T)), LayerEntry.whiteout("etc/old", T)),
                tmp.resolve("2.tar.gz"));
        archive = tmp.resolve("hello.tar");
        new OciArchiveWriter().write(new ImageSpec(ImageReference.parse("remix/hello:1"), "amd64", "linux",
                new RuntimeConfig("", List.of("A=1"), List.of(), List.of("/usr/bin/hello"), "", new TreeSet<>(), Map.of(),
                        ""), List.of(new ImageLayer(base, "remix: base (hello)", ""),
                new ImageLayer(top, "remix: customizations", "")), T, Map.of()), archive);
    }

    @Test
    void text_showsConfigAndEveryLayer() {
        Run r = remix("inspect", archive.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Image: remix/hello:1", "(oci-archive+docker-archive)", "Platform:     linux/amd64",
                "Cmd:          [\"/usr/bin/hello\"]", "Env:          A=1", "Layers (2,", "[1] sha256:", "[2] sha256:",
                "created by: remix: base (hello)", "packages added (1):", "hello 2.10-3 (amd64)",
                "created by: remix: customizations", "whiteouts (1):", "/etc/old");
    }

    @Test
    void json_hasTheSameFacts() throws Exception {
        Run r = remix("inspect", "--format", "json", archive.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode images = new ObjectMapper().readTree(r.out());
        assertThat(images.isArray()).isTrue();
        assertThat(images).hasSize(1);
        JsonNode image = images.get(0);
        assertThat(image.path("references").get(0).asText()).isEqualTo("remix/hello:1");
        assertThat(image.path("cmd").get(0).asText()).isEqualTo("/usr/bin/hello");
        assertThat(image.path("layers").get(0).path("packagesAdded").get(0).path("version").asText()).isEqualTo("2.10-3");
        assertThat(image.path("layers").get(1).path("whiteouts").get(0).asText()).isEqualTo("etc/old");
        assertThat(image.path("layers").get(1).path("entries").asLong()).isEqualTo(2);
    }

    @Test
    void aMissingArchive_failsWithItsName() {
        Run r = remix("inspect", tmp.resolve("nope.tar").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("remix: image archive").contains("nope.tar").contains("does not exist");
    }

    @Test
    void anUnknownFormat_isAUsageError() {
        assertThat(remix("inspect", "--format", "yaml", archive.toString()).code()).isEqualTo(2);
    }
}
