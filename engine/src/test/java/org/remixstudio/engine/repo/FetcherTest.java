package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.testing.FixtureHttpServer;

class FetcherTest {

    @TempDir
    Path tmp;

    private final Fetcher fetcher = new Fetcher(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .build(), Duration.ofSeconds(10), 3, Duration.ofMillis(5));

    @Test
    void fileUris_areRead_andMissingFilesAreNotFound() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.txt"), "hello");

        assertThat(fetcher.fetchBytes(f.toUri(), e -> { })).hasValue("hello".getBytes());
        assertThat(fetcher.fetchBytes(tmp.resolve("missing").toUri(), e -> { })).isEmpty();
    }

    @Test
    void http_fetchesToAFile_hashingAndReportingBytes() throws IOException {
        byte[] data = new byte[700_000];
        new java.util.Random(1).nextBytes(data);
        Files.write(tmp.resolve("big.bin"), data);
        List<ProgressEvent> events = new ArrayList<>();
        try (FixtureHttpServer server = FixtureHttpServer.serve(tmp)) {
            Path target = tmp.resolve("out.bin");

            Download d = fetcher.fetchTo(URI.create(server.baseUri() + "big.bin"), target, events::add).orElseThrow();

            assertThat(d.size()).isEqualTo(data.length);
            assertThat(d.sha256()).isEqualTo(Hashing.sha256Hex(data));
            assertThat(Files.readAllBytes(target)).isEqualTo(data);
        }
        assertThat(events).allMatch(e -> e.step().equals("fetch") && e.unit() == ProgressEvent.Unit.BYTES);
        assertThat(events.get(events.size() - 1).done()).isEqualTo(data.length);
        assertThat(events.get(events.size() - 1).total()).isEqualTo(data.length);
        assertThat(events.size()).isGreaterThan(2);
    }

    @Test
    void http404_isNotFound_andRedirectsAreFollowed() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "hello");
        try (FixtureHttpServer server = FixtureHttpServer.serve(tmp)) {
            assertThat(fetcher.fetchBytes(URI.create(server.baseUri() + "nope"), e -> { })).isEmpty();
            assertThat(fetcher.fetchBytes(URI.create(server.baseUri() + "moved/a.txt"), e -> { }))
                    .hasValue("hello".getBytes());
        }
    }

    @Test
    void serverErrors_areRetried_thenReportedWithTheUrl() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "hello");
        try (FixtureHttpServer server = FixtureHttpServer.serve(tmp)) {
            server.failNext(2);
            assertThat(fetcher.fetchBytes(URI.create(server.baseUri() + "a.txt"), e -> { })).isPresent();

            server.failNext(3);
            String url = server.baseUri() + "a.txt";
            assertThatThrownBy(() -> fetcher.fetchBytes(URI.create(url), e -> { }))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("after 3 tries")
                    .hasMessageContaining("HTTP 503");
        }
    }

    @Test
    void refusedConnection_isAFetchException() throws IOException {
        String url;
        try (FixtureHttpServer server = FixtureHttpServer.serve(tmp)) {
            url = server.baseUri() + "a.txt";
        }

        assertThatThrownBy(() -> fetcher.fetchBytes(URI.create(url), e -> { }))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).url()).isEqualTo(url));
    }

    @Test
    void interruption_cancels() throws IOException {
        Files.writeString(tmp.resolve("a.txt"), "hello");
        try (FixtureHttpServer server = FixtureHttpServer.serve(tmp)) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> fetcher.fetchBytes(URI.create(server.baseUri() + "a.txt"), e -> { }))
                        .isInstanceOf(CancellationException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }
}
