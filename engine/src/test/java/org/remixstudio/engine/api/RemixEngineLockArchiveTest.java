package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build held to a lock file, against the real archive: the lock {@code remix lock} writes builds,
 * and a lock whose pinned version the archive no longer resolves to stops the build before anything
 * is fetched or written, naming the package and both versions.
 */
@Tag("archive")
class RemixEngineLockArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");

    @TempDir
    Path tmp;

    private final RemixEngine engine = new RemixEngine(EngineSettings.defaults().withCacheDir(CACHE));

    private Path spec() throws Exception {
        Path example = Path.of(System.getProperty("user.dir")).resolve("../docs/examples/minimal-bookworm.remix.json")
                .normalize();
        return Files.copy(example, tmp.resolve("minimal-bookworm.remix.json"));
    }

    @Test
    void build_withTheLockRemixLockWrote_installsExactlyThatSet() throws Exception {
        Path spec = spec();
        Path lock = engine.lock(spec, e -> { });

        BuildResult result = engine.build(new BuildRequest(spec, tmp.resolve("out.tar"), BuildRequest.Format.OCI, false,
                null, List.of()).withLockBesideSpec(), e -> { });

        assertThat(lock).isEqualTo(tmp.resolve("minimal-bookworm.remix.lock.json"));
        assertThat(result.output()).isRegularFile();
        assertThat(result.warnings()).noneMatch(w -> w.contains("lock"));
    }

    @Test
    void build_withALockThatNoLongerMatches_failsNamingWhatMoved_andWritesNothing() throws Exception {
        Path spec = spec();
        Path lock = engine.lock(spec, e -> { });
        String json = Files.readString(lock, StandardCharsets.UTF_8);
        String pinned = json.replaceFirst(
                "(\"name\"\\s*:\\s*\"ca-certificates\",\\s*\"version\"\\s*:\\s*\")[^\"]+\"", "$10.1\"");
        assertThat(pinned).isNotEqualTo(json);
        Files.writeString(lock, pinned, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out.tar");

        assertThatThrownBy(() -> engine.build(new BuildRequest(spec, out, BuildRequest.Format.OCI, false, null,
                List.of()).withLock(lock), e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(lock.toString())
                .hasMessageContaining("layer certificates: ca-certificates (all) 0.1 -> ");
        assertThat(out).doesNotExist();
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder("minimal-bookworm.remix.json", "minimal-bookworm.remix.lock.json");
    }
}
