package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remixstudio.engine.testing.ContainerTools.sh;
import static org.remixstudio.engine.testing.ContainerTools.skopeoCopyBothWays;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remix build} end to end against the real archive: the minimal example is built from the
 * host's sources into an image tarball that skopeo reads as OCI archive and as docker-archive; a
 * second build takes every layer from the cache, the squashed form is one layer made from the tree
 * re-created from those cached layers, and a timestamped spec builds bit-identically. The other
 * examples have their own classes, each building its image once: {@link RemixEngineTwoLayersArchiveTest},
 * {@link RemixEngineTrixieWebArchiveTest}.
 */
@Tag("archive")
class RemixEngineBuildArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");

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
        assertThat(result.layers()).extracting(BuildResult.Layer::name).containsExactly("base", "certificates");
        assertThat(result.layers().get(1).added()).isGreaterThanOrEqualTo(2); // ca-certificates and openssl
        skopeoCopyBothWays(out, tmp.resolve("skopeo"));
        assertThat(tmp.resolve("skopeo/oci/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("skopeo/docker/manifest.json")).isRegularFile();
        assertThat(leftovers()).isEmpty();

        Path again = tmp.resolve("again.tar");
        BuildResult second = engine.build(new BuildRequest(example("minimal-bookworm.remix.json"), again,
                BuildRequest.Format.OCI, false, null, List.of()), e -> { });
        assertThat(second.layers()).allMatch(BuildResult.Layer::fromCache);
        assertThat(second.layers()).extracting(BuildResult.Layer::diffId)
                .containsExactlyElementsOf(result.layers().stream().map(BuildResult.Layer::diffId).toList());

        Path squashed = tmp.resolve("squashed.tar");
        BuildResult flat = engine.build(new BuildRequest(example("minimal-bookworm.remix.json"), squashed,
                BuildRequest.Format.OCI, true, "remix-test/minimal:squashed", List.of()), e -> { });
        assertThat(flat.layers()).extracting(BuildResult.Layer::name).containsExactly("squashed");
        sh("skopeo", "copy", "oci-archive:" + squashed, "dir:" + tmp.resolve("d3"));
        assertThat(leftovers()).isEmpty();
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
    }

    /** Work directories a build left behind. */
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
