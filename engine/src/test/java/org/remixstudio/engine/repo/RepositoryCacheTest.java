package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryCacheTest {

    @TempDir
    Path dir;

    private static SuiteTarget target(String suite) {
        AptSource s = new OneLineSourcesParser("t").parseLine("deb http://m.example/debian " + suite + " main", 1);
        return s.suiteTargets().get(0);
    }

    @Test
    void blobs_areNamedByTheirHash_andADamagedBlobIsForgotten() throws IOException {
        RepositoryCache cache = new RepositoryCache(dir);
        byte[] data = "Origin: x\n".getBytes();

        String sha = cache.putBlob(data);

        assertThat(sha).isEqualTo(Hashing.sha256Hex(data));
        assertThat(cache.readBlob(sha)).hasValue(data);
        Files.writeString(cache.blobPath(sha), "damaged");
        assertThat(cache.readBlob(sha)).isEmpty();
        assertThat(cache.hasBlob(sha)).isFalse();
    }

    @Test
    void releasePointers_roundTrip_perUriAndSuite() {
        RepositoryCache cache = new RepositoryCache(dir);
        SignatureStatus sig = new SignatureStatus(SignatureStatus.Kind.VERIFIED, "InRelease", "6ED0E7B82643E131",
                "4CB50190207B4758A3F73A796ED0E7B82643E131", "Debian Archive Automatic Signing Key", "");
        CachedRelease r = new CachedRelease("http://m.example/debian/", "bookworm", "a".repeat(64), "InRelease",
                Instant.parse("2026-11-25T10:00:00Z"), sig, "basis");

        cache.putRelease(target("bookworm"), r);

        assertThat(cache.release(target("bookworm"))).hasValue(r);
        assertThat(cache.release(target("trixie"))).isEmpty();
    }

    @Test
    void writes_leaveNoTemporaryFiles() throws IOException {
        RepositoryCache cache = new RepositoryCache(dir);
        cache.putBlob(new byte[] {1});
        cache.write(cache.snapshotPath("k"), out -> out.write(2));

        try (var files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(2).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void aFailedWrite_leavesTheOldFile() throws IOException {
        RepositoryCache cache = new RepositoryCache(dir);
        Path target = cache.snapshotPath("k");
        cache.write(target, out -> out.write(1));

        try {
            cache.write(target, out -> {
                out.write(2);
                throw new IOException("disk full");
            });
        } catch (RuntimeException expected) {
            assertThat(expected).hasMessageContaining("disk full");
        }

        assertThat(Files.readAllBytes(target)).containsExactly(1);
        try (var files = Files.list(target.getParent())) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}
