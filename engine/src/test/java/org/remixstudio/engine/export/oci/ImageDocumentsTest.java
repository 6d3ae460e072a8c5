package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ImageDocumentsTest {

    private static final Digest A = Digest.of("a".getBytes(StandardCharsets.UTF_8));
    private static final Digest B = Digest.of("b".getBytes(StandardCharsets.UTF_8));
    private static final Digest C = Digest.of("c".getBytes(StandardCharsets.UTF_8));

    private static ImageDocuments docs() {
        LayerBlob base = new LayerBlob(Path.of("base"), A, 10, B, MediaTypes.LAYER_TAR_GZIP);
        LayerBlob top = new LayerBlob(Path.of("top"), C, 20, C, MediaTypes.LAYER_TAR);
        RuntimeConfig runtime = new RuntimeConfig("app", List.of("PATH=/usr/bin"), List.of("/app"), List.of("--serve"),
                "/srv", new TreeSet<>(List.of("443/tcp", "80/tcp")), Map.of("b", "2", "a", "1"), "");
        return new ImageDocuments(new ImageSpec(ImageReference.parse("remix/app:2"), "arm64", "linux", runtime,
                List.of(new ImageLayer(base, "remix: base", ""), new ImageLayer(top, "remix: app", "note"),
                        new ImageLayer(base, "remix: base again", "")),
                Instant.parse("2024-03-04T05:06:07Z"), Map.of("org.opencontainers.image.version", "2")));
    }

    private static String s(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Test
    void config_listsDiffIdsHistoryAndRuntimeInSpecOrder() {
        String config = s(docs().config);

        assertThat(config).startsWith("{\"created\":\"2024-03-04T05:06:07Z\",\"architecture\":\"arm64\",\"os\":\"linux\"");
        assertThat(config).contains("\"config\":{\"User\":\"app\",\"ExposedPorts\":{\"443/tcp\":{},\"80/tcp\":{}},"
                + "\"Env\":[\"PATH=/usr/bin\"],\"Entrypoint\":[\"/app\"],\"Cmd\":[\"--serve\"],\"WorkingDir\":\"/srv\","
                + "\"Labels\":{\"a\":\"1\",\"b\":\"2\"}}");
        assertThat(config).contains("\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + B + "\",\"" + C + "\",\"" + B + "\"]}");
        assertThat(config).contains("{\"created\":\"2024-03-04T05:06:07Z\",\"created_by\":\"remix: app\",\"comment\":\"note\"}");
        assertThat(config).doesNotContain("empty_layer", "StopSignal", "author");
    }

    @Test
    void manifestAndIndex_pointAtTheConfigAndManifestByDigest() {
        ImageDocuments docs = docs();
        String manifest = s(docs.manifest);
        String index = s(docs.index);

        assertThat(docs.configDigest).isEqualTo(Digest.of(docs.config));
        assertThat(manifest).startsWith("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.IMAGE_MANIFEST + "\"");
        assertThat(manifest).contains("\"config\":{\"mediaType\":\"" + MediaTypes.IMAGE_CONFIG + "\",\"digest\":\""
                + docs.configDigest + "\",\"size\":" + docs.config.length + "}");
        assertThat(manifest).contains("{\"mediaType\":\"" + MediaTypes.LAYER_TAR + "\",\"digest\":\"" + C + "\",\"size\":20}");
        assertThat(manifest).contains("\"org.opencontainers.image.created\":\"2024-03-04T05:06:07Z\"",
                "\"org.opencontainers.image.version\":\"2\"");
        assertThat(index).contains("\"digest\":\"" + docs.manifestDigest + "\"",
                "\"org.opencontainers.image.ref.name\":\"remix/app:2\"",
                "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}");
        assertThat(s(docs.ociLayout)).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    @Test
    void dockerManifest_usesTheSameBlobPaths_andRepeatedLayersAreStoredOnce() {
        ImageDocuments docs = docs();

        assertThat(s(docs.dockerManifest)).isEqualTo("[{\"Config\":\"blobs/sha256/" + docs.configDigest.hex()
                + "\",\"RepoTags\":[\"remix/app:2\"],\"Layers\":[\"blobs/sha256/" + A.hex() + "\",\"blobs/sha256/"
                + C.hex() + "\",\"blobs/sha256/" + A.hex() + "\"]}]");
        assertThat(s(docs.repositories)).startsWith("{\"remix/app\":{\"2\":\"");
        assertThat(docs.blobs).extracting(LayerBlob::digest).containsExactly(A, C);
    }
}
