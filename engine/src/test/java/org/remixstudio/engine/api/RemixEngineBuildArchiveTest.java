package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remix build} end to end against the real archive: the documented examples are built from
 * the host's sources into image tarballs that skopeo reads as OCI archive and as docker-archive, and
 * podman runs with a working dpkg database; a second build takes every layer from the cache, and the
 * squashed form is one layer made from the tree re-created from those cached layers.
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
        sh("skopeo", "copy", "oci-archive:" + out, "dir:" + tmp.resolve("d"));
        sh("skopeo", "copy", "docker-archive:" + out, "dir:" + tmp.resolve("d2"));
        assertThat(tmp.resolve("d/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("d2/manifest.json")).isRegularFile();
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

    @Test
    void build_twoLayersRemove_runsInPodman_withAConsistentDpkgDatabase() throws Exception {
        Path out = tmp.resolve("two.tar");
        String tag = "remix-test/two-layers:t" + System.nanoTime();
        BuildResult result = engine.build(new BuildRequest(example("two-layers-remove.remix.json"), out,
                BuildRequest.Format.OCI, false, tag, List.of()), e -> { });

        assertThat(result.layers()).extracting(BuildResult.Layer::name).containsExactly("base", "tools", "trim");
        assertThat(result.layers().get(2).removed()).isEqualTo(1);
        String image = "localhost/" + tag;
        try {
            sh("podman", "load", "-i", out.toString());
            String run = sh("podman", "--runtime", "runc", "run", "--rm", "--pull=never", "--ulimit",
                    "nofile=1024:1024", "--ulimit", "nproc=4096:4096", image, "sh", "-c",
                    "dpkg --audit && apt-get --version && id root && ! dpkg -s less 2>/dev/null && command -v curl");
            assertThat(run).contains("uid=0(root)", "/usr/bin/curl").containsPattern("apt \\d");
        } finally {
            new ProcessBuilder("podman", "rmi", "--force", image).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
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

    private static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
