package org.remixstudio.engine.build.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.repo.Fetcher;
import org.remixstudio.engine.testing.FixtureHttpServer;

class DebFetcherTest {

    @TempDir
    Path dir;

    private Path mirror() throws IOException {
        Path mirror = Files.createDirectories(dir.resolve("mirror/pool"));
        for (int i = 0; i < 6; i++) {
            byte[] content = new byte[100_000 + i];
            for (int j = 0; j < content.length; j++) {
                content[j] = (byte) (j * 31 + i);
            }
            Files.write(mirror.resolve("p" + i + ".deb"), content);
        }
        return mirror.getParent();
    }

    private static BinaryPackage pkg(String base, Path mirror, String name) throws Exception {
        byte[] content = Files.readAllBytes(mirror.resolve("pool/" + name + ".deb"));
        return pkg(base, name, sha256(content), content.length);
    }

    private static BinaryPackage pkg(String base, String name, String sha, long size) {
        DebVersion v = DebVersion.parse("1");
        return new BinaryPackage(name, v, "amd64", MultiArch.NO, false, Priority.OPTIONAL, "misc", 1, size, sha,
                "pool/" + name + ".deb", name, v, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), "", "", "", new IndexOrigin(base, "s", "s", "main", ""));
    }

    private static Fetcher fetcher() {
        return new Fetcher(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(),
                Duration.ofSeconds(10), 3, Duration.ofMillis(10));
    }

    @Test
    void fetchAll_downloadsInParallelVerifiesAndCaches_thenNeverFetchesAgain() throws Exception {
        Path mirror = mirror();
        try (FixtureHttpServer server = FixtureHttpServer.serve(mirror)) {
            List<BinaryPackage> set = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                set.add(pkg(server.baseUri(), mirror, "p" + i));
            }
            DebFetcher fetcher = new DebFetcher(fetcher(), dir.resolve("cache"), 4);
            List<ProgressEvent> events = new CopyOnWriteArrayList<>();
            List<FetchedDeb> first = fetcher.fetchAll(set, events::add);

            assertThat(first).extracting(FetchedDeb::pkg).containsExactlyElementsOf(set);
            assertThat(first).noneMatch(FetchedDeb::fromCache);
            for (FetchedDeb d : first) {
                assertThat(d.file()).isEqualTo(dir.resolve("cache/sha256").resolve(d.pkg().sha256()));
                assertThat(sha256(Files.readAllBytes(d.file()))).isEqualTo(d.pkg().sha256());
            }
            long total = set.stream().mapToLong(BinaryPackage::size).sum();
            ProgressEvent last = events.get(events.size() - 1);
            assertThat(last.step()).isEqualTo("fetch");
            assertThat(last.done()).isEqualTo(total);
            assertThat(last.total()).isEqualTo(total);
            assertThat(dir.resolve("cache/sha256")).isDirectoryNotContaining("glob:**.part-*");

            int requests = server.requests().size();
            List<FetchedDeb> second = fetcher.fetchAll(set, e -> { });
            assertThat(second).allMatch(FetchedDeb::fromCache);
            assertThat(server.requests()).hasSize(requests);
        }
    }

    @Test
    void fetchAll_hashMismatch_namesPackageAndUrl_andKeepsNothing() throws Exception {
        Path mirror = mirror();
        try (FixtureHttpServer server = FixtureHttpServer.serve(mirror)) {
            BinaryPackage good = pkg(server.baseUri(), mirror, "p0");
            BinaryPackage tampered = pkg(server.baseUri(), "p1", "ab".repeat(32), Files.size(mirror.resolve("pool/p1.deb")));
            DebFetcher fetcher = new DebFetcher(fetcher(), dir.resolve("cache"), 2);
            assertThatThrownBy(() -> fetcher.fetchAll(List.of(good, tampered), e -> { }))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("p1")
                    .hasMessageContaining(server.baseUri() + "pool/p1.deb")
                    .hasMessageContaining("signed index entry")
                    .hasMessageContaining("not kept");
            assertThat(fetcher.cached(tampered)).isEmpty();
            assertThat(dir.resolve("cache/sha256").resolve("ab".repeat(32))).doesNotExist();
        }
    }

    @Test
    void fetchAll_fileLargerThanItsIndexEntry_isRefused() throws Exception {
        Path mirror = mirror();
        byte[] content = Files.readAllBytes(mirror.resolve("pool/p2.deb"));
        BinaryPackage shortEntry = pkg(mirror.toUri().toString(), "p2", sha256(content), content.length - 10);
        DebFetcher fetcher = new DebFetcher(fetcher(), dir.resolve("cache"), 2);
        assertThatThrownBy(() -> fetcher.fetchAll(List.of(shortEntry), e -> { }))
                .isInstanceOf(EngineException.class).hasMessageContaining("p2");
        assertThat(dir.resolve("cache/sha256")).isEmptyDirectory();
    }

    @Test
    void fetchAll_serverErrorsAreRetried() throws Exception {
        Path mirror = mirror();
        try (FixtureHttpServer server = FixtureHttpServer.serve(mirror)) {
            server.failNext(2);
            BinaryPackage p = pkg(server.baseUri(), mirror, "p3");
            List<FetchedDeb> got = new DebFetcher(fetcher(), dir.resolve("cache"), 1).fetchAll(List.of(p), e -> { });
            assertThat(got.get(0).file()).exists();
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void fetchAll_fromAFileMirror_andAMissingFileNamesThePackage() throws Exception {
        Path mirror = mirror();
        String base = mirror.toUri().toString();
        DebFetcher fetcher = new DebFetcher(fetcher(), dir.resolve("cache"), 2);
        assertThat(fetcher.fetchAll(List.of(pkg(base, mirror, "p4")), e -> { }).get(0).file()).exists();
        BinaryPackage gone = pkg(base, "vanished", "cd".repeat(32), 10);
        assertThatThrownBy(() -> fetcher.fetchAll(List.of(gone), e -> { }))
                .isInstanceOf(EngineException.class).hasMessageContaining("vanished")
                .hasMessageContaining("does not exist");
    }

    @Test
    void fetchAll_withoutSha256_isRefusedBeforeAnyTransfer() throws Exception {
        Path mirror = mirror();
        BinaryPackage noHash = pkg(mirror.toUri().toString(), "p5", "", 100_005);
        assertThatThrownBy(() -> new DebFetcher(fetcher(), dir.resolve("cache"), 2).fetchAll(List.of(noHash), e -> { }))
                .isInstanceOf(EngineException.class).hasMessageContaining("p5").hasMessageContaining("SHA256");
    }

    @Test
    void fetchAll_onAnInterruptedThread_isCancelled() throws Exception {
        Path mirror = mirror();
        BinaryPackage p = pkg(mirror.toUri().toString(), mirror, "p1");
        DebFetcher fetcher = new DebFetcher(fetcher(), dir.resolve("cache"), 2);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> fetcher.fetchAll(List.of(p), e -> { })).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
