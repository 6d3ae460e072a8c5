package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remixstudio.engine.testing.ContainerTools.sh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.ContainerTools;
import org.remixstudio.engine.testing.SbomSchemas;

/**
 * {@code remix build} end to end against the real archive: the documented examples are built from
 * the host's sources into image tarballs that skopeo reads as OCI archive and as docker-archive, and
 * podman runs with a working dpkg database; a second build takes every layer from the cache, and the
 * squashed form is one layer made from the tree re-created from those cached layers. Every image
 * carries its SPDX and CycloneDX SBOMs (a small top layer, or inside the squashed layer), has them
 * beside it and names them in its annotations and labels. The other examples have their own
 * classes, each building its image once: {@link RemixEngineTwoLayersArchiveTest},
 * {@link RemixEngineTrixieWebArchiveTest}.
 */
@Tag("archive")
class RemixEngineBuildArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final RemixEngine engine = new RemixEngine(EngineSettings.defaults().withCacheDir(CACHE));

    private static Path example(String name) {
        return Path.of(System.getProperty("user.dir")).resolve("../docs/examples").resolve(name).normalize();
    }

    @Test
    void build_minimalBookworm_writesAnArchiveSkopeoReadsBothWays_andReusesCachedLayers() throws Exception {
        Path out = tmp.resolve("minimal.tar");
        BuildResult result = engine.build(new BuildRequest(example("minimal-bookworm.remix.json"), out,
                BuildRequest.Format.OCI, false, null, List.of()), e -> { });

        assertThat(result.output()).isEqualTo(out);
        assertThat(out).isRegularFile();
        assertThat(result.digest()).startsWith("sha256:");
        // the package layers, then the small layer holding the SBOMs
        assertThat(result.layers()).extracting(BuildResult.Layer::name).containsExactly("base", "certificates", "sbom");
        assertThat(result.layers().get(1).added()).isGreaterThanOrEqualTo(2); // ca-certificates and openssl
        sh("skopeo", "copy", "oci-archive:" + out, "dir:" + tmp.resolve("d"));
        sh("skopeo", "copy", "docker-archive:" + out, "dir:" + tmp.resolve("d2"));
        assertThat(tmp.resolve("d/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("d2/manifest.json")).isRegularFile();
        assertThat(leftovers()).isEmpty();

        // beside the export, valid, and referenced by path and digest from the manifest and the config
        assertThat(result.sboms()).containsExactly(tmp.resolve("minimal.tar.spdx.json"), tmp.resolve("minimal.tar.cdx.json"));
        byte[] spdx = Files.readAllBytes(result.sboms().get(0));
        assertThat(SbomSchemas.spdx(spdx)).isEmpty();
        assertThat(SbomSchemas.cycloneDx(Files.readAllBytes(result.sboms().get(1)))).isEmpty();
        JsonNode manifest = JSON.readTree(tmp.resolve("d/manifest.json").toFile());
        String spdxDigest = "sha256:" + sh("sha256sum", result.sboms().get(0).toString()).split(" ")[0];
        assertThat(manifest.get("annotations").get("org.remixstudio.sbom.spdx.digest").asText()).isEqualTo(spdxDigest);
        assertThat(manifest.get("annotations").get("org.remixstudio.sbom.spdx.path").asText())
                .isEqualTo("/usr/share/remix-studio/sbom/minimal-bookworm.spdx.json");
        String configDigest = manifest.get("config").get("digest").asText().substring("sha256:".length());
        JsonNode config = JSON.readTree(tmp.resolve("d/" + configDigest).toFile());
        assertThat(config.get("config").get("Labels").get("org.remixstudio.sbom.cyclonedx.path").asText())
                .isEqualTo("/usr/share/remix-studio/sbom/minimal-bookworm.cdx.json");
        // the top layer holds the two documents, byte for byte as beside the export
        JsonNode layers = manifest.get("layers");
        String top = layers.get(layers.size() - 1).get("digest").asText().substring("sha256:".length());
        Path extracted = Files.createDirectories(tmp.resolve("top"));
        sh("tar", "-xzf", tmp.resolve("d/" + top).toString(), "-C", extracted.toString());
        assertThat(extracted.resolve("usr/share/remix-studio/sbom/minimal-bookworm.spdx.json")).hasBinaryContent(spdx);

        Path again = tmp.resolve("again.tar");
        BuildResult second = engine.build(new BuildRequest(example("minimal-bookworm.remix.json"), again,
                BuildRequest.Format.OCI, false, null, List.of()), e -> { });
        // every package layer comes from the cache; the SBOM layer is made afresh (this spec has no
        // timestamp, so the documents carry this build's time and the layer differs)
        assertThat(second.layers().subList(0, 2)).allMatch(BuildResult.Layer::fromCache);
        assertThat(second.layers().get(2).fromCache()).isFalse();
        assertThat(second.layers().subList(0, 2)).extracting(BuildResult.Layer::diffId)
                .containsExactlyElementsOf(result.layers().subList(0, 2).stream().map(BuildResult.Layer::diffId).toList());

        Path squashed = tmp.resolve("squashed.tar");
        BuildResult flat = engine.build(new BuildRequest(example("minimal-bookworm.remix.json"), squashed,
                BuildRequest.Format.OCI, true, "remix-test/minimal:squashed", List.of()), e -> { });
        assertThat(flat.layers()).extracting(BuildResult.Layer::name).containsExactly("squashed");
        sh("skopeo", "copy", "oci-archive:" + squashed, "dir:" + tmp.resolve("d3"));
        assertThat(leftovers()).isEmpty();
        // squashed, the SBOMs are inside the one layer
        JsonNode flatManifest = JSON.readTree(tmp.resolve("d3/manifest.json").toFile());
        String only = flatManifest.get("layers").get(0).get("digest").asText().substring("sha256:".length());
        assertThat(sh("tar", "-tzf", tmp.resolve("d3/" + only).toString()))
                .contains("usr/share/remix-studio/sbom/minimal-bookworm.cdx.json");
        assertThat(flat.sboms()).containsExactly(tmp.resolve("squashed.tar.spdx.json"), tmp.resolve("squashed.tar.cdx.json"));
        assertThat(SbomSchemas.spdx(Files.readAllBytes(flat.sboms().get(0)))).isEmpty();
    }

    @Test
    void build_withATimestamp_isBitIdentical_evenFromAnEmptyCache() throws Exception {
        Path spec = tmp.resolve("stamped.remix.json");
        Files.writeString(spec, Files.readString(example("minimal-bookworm.remix.json"))
                .replace("\"variant\": \"minbase\",", "\"variant\": \"minbase\",\n  \"timestamp\": 1735689600,"));
        Path first = tmp.resolve("first.tar");
        Path second = tmp.resolve("second.tar");
        engine.build(new BuildRequest(spec, first, BuildRequest.Format.OCI, false, null, List.of()), e -> { });
        RemixEngine fresh = new RemixEngine(EngineSettings.defaults().withCacheDir(tmp.resolve("empty-cache")));
        BuildResult again = fresh.build(new BuildRequest(spec, second, BuildRequest.Format.OCI, false, null, List.of()),
                e -> { });

        assertThat(again.layers()).noneMatch(BuildResult.Layer::fromCache);
        assertThat(sh("sha256sum", second.toString()).split(" ")[0])
                .isEqualTo(sh("sha256sum", first.toString()).split(" ")[0]);
        assertThat(Files.readAllBytes(again.sboms().get(0)))
                .isEqualTo(Files.readAllBytes(tmp.resolve("first.tar.spdx.json")));
    }

    @Test
    void build_withZstdLayers_hasTheSameDiffIdsAsGzip_andSkopeoAndPodmanTakeIt() throws Exception {
        Path spec = tmp.resolve("stamped.remix.json");
        Files.writeString(spec, Files.readString(example("minimal-bookworm.remix.json"))
                .replace("\"variant\": \"minbase\",", "\"variant\": \"minbase\",\n  \"timestamp\": 1735689600,"));
        BuildRequest request = new BuildRequest(spec, tmp.resolve("gzip.tar"), BuildRequest.Format.OCI, false,
                "remix-test/minimal:zstd", List.of());
        BuildResult gzip = engine.build(request, e -> { });
        Path out = tmp.resolve("zstd.tar");
        BuildResult zstd = engine.build(new BuildRequest(spec, out, BuildRequest.Format.OCI, false,
                "remix-test/minimal:zstd", List.of()).withLayerCompression(BuildRequest.LayerCompression.ZSTD), e -> { });

        // the same layers, only stored another way
        assertThat(zstd.layers()).extracting(BuildResult.Layer::diffId)
                .containsExactlyElementsOf(gzip.layers().stream().map(BuildResult.Layer::diffId).toList());
        assertThat(zstd.size()).isLessThan(gzip.size());
        ContainerTools.skopeoCopyBothWays(out, tmp.resolve("copies"));
        JsonNode manifest = JSON.readTree(tmp.resolve("copies/oci/manifest.json").toFile());
        assertThat(manifest.get("layers")).allSatisfy(layer ->
                assertThat(layer.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.layer.v1.tar+zstd"));
        try (ContainerTools.LoadedImage image = ContainerTools.podmanLoad(out, "remix-test/minimal:zstd")) {
            assertThat(image.run(ContainerTools.SMOKE_TEST_BOOKWORM + " && test -s /etc/ssl/certs/ca-certificates.crt"))
                    .contains("uid=0(root)");
        }
        assertThat(leftovers()).isEmpty();
    }

    private static List<Path> leftovers() throws IOException {
        Path work = CACHE.resolve("work");
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(work)) {
            return s.toList();
        }
    }
}
