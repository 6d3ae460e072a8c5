package org.remixstudio.engine.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.remixstudio.engine.api.ProgressEvent;

/**
 * Fetches archive files over {@code http:}, {@code https:} and {@code file:} URIs. Redirects are
 * followed; a broken connection or a server error (5xx) is retried a few times, then reported as a
 * {@link FetchException} naming the URL. "Not found" (404, 410, a missing file) is an ordinary outcome
 * — an empty result — because apt's protocols rely on it (InRelease → Release, {@code .xz} → {@code .gz},
 * by-hash → plain path). Byte progress is reported as {@code fetch} events; interrupting the thread
 * cancels with a {@link CancellationException}.
 */
public final class Fetcher {

    private static final int BUFFER = 1 << 16;
    private static final String USER_AGENT = "remix-studio (apt-compatible)";
    private static final long PROGRESS_STEP = 1 << 18;

    private final Supplier<HttpClient> clientFactory;
    private HttpClient client;
    private final Duration requestTimeout;
    private final int attempts;
    private final Duration retryDelay;

    /**
     * @param client         the HTTP client; it must follow redirects
     * @param requestTimeout how long to wait for a response's headers
     * @param attempts       tries per URL for connection failures and 5xx answers (at least 1)
     * @param retryDelay     the pause before the second try; it doubles for each further one
     */
    public Fetcher(HttpClient client, Duration requestTimeout, int attempts, Duration retryDelay) {
        this(() -> client, requestTimeout, attempts, retryDelay);
    }

    /**
     * @param clientFactory makes the HTTP client when the first {@code http(s)} URL is fetched; a load
     *                      served from the cache then never pays for starting one
     */
    public Fetcher(Supplier<HttpClient> clientFactory, Duration requestTimeout, int attempts, Duration retryDelay) {
        this.clientFactory = clientFactory;
        this.requestTimeout = requestTimeout;
        this.attempts = Math.max(1, attempts);
        this.retryDelay = retryDelay;
    }

    /**
     * Redirects followed, 15 s to connect, 60 s to answer, 3 tries. HTTP/1.1 as apt speaks it: a plain
     * {@code http:} mirror or proxy need not understand the HTTP/2 upgrade.
     */
    public static Fetcher createDefault() {
        return new Fetcher(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15))
                .build(), Duration.ofSeconds(60), 3, Duration.ofMillis(500));
    }

    /**
     * Fetches a small file into memory.
     *
     * @return the bytes, or empty when the server or file system says the file does not exist
     * @throws FetchException when it cannot be fetched for another reason
     */
    public Optional<byte[]> fetchBytes(URI uri, Consumer<ProgressEvent> progress) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        Optional<Download> d = fetch(uri, () -> {
            buffer.reset();
            return buffer;
        }, progress);
        return d.map(x -> buffer.toByteArray());
    }

    /**
     * Streams a file to {@code target} (replaced on every try), hashing it on the way.
     *
     * @return size and SHA-256 of what was written, or empty when the file does not exist
     * @throws FetchException when it cannot be fetched for another reason
     */
    public Optional<Download> fetchTo(URI uri, Path target, Consumer<ProgressEvent> progress) {
        return fetchTo(uri, target, Long.MAX_VALUE, progress);
    }

    /**
     * Like {@link #fetchTo(URI, Path, Consumer)}, but stops as soon as more than {@code maxBytes}
     * arrive (as apt does when a file outgrows the size its signed Release gives), so a hostile or
     * broken mirror cannot fill the disk.
     *
     * @throws FetchException when the file is larger than {@code maxBytes}
     */
    public Optional<Download> fetchTo(URI uri, Path target, long maxBytes, Consumer<ProgressEvent> progress) {
        return fetch(uri, () -> new LimitedOutputStream(Files.newOutputStream(target), maxBytes, uri), progress);
    }

    /** Refuses to write more than a limit. */
    private static final class LimitedOutputStream extends java.io.FilterOutputStream {
        private final long limit;
        private final URI uri;
        private long written;

        LimitedOutputStream(OutputStream out, long limit, URI uri) {
            super(out);
            this.limit = limit;
            this.uri = uri;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > limit) {
                throw new FetchException(uri.toString(), uri + " is larger than the " + limit
                        + " bytes its signed Release file gives; the mirror is broken or hostile. Try another mirror.",
                        null);
            }
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clientFactory.get();
        }
        return client;
    }

    private interface Sink {
        OutputStream open() throws IOException;
    }

    private Optional<Download> fetch(URI uri, Sink sink, Consumer<ProgressEvent> progress) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return fetchFile(uri, sink, progress);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(uri.toString(), "Cannot fetch " + uri + ": unsupported URI scheme", null);
        }
        IOException last = null;
        String lastProblem = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(retryDelay.multipliedBy(1L << (attempt - 2)));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                        .header("User-Agent", USER_AGENT).GET().build();
                HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                try (InputStream body = response.body()) {
                    if (status == 404 || status == 410) {
                        return Optional.empty();
                    }
                    if (status >= 500) {
                        lastProblem = "server answered HTTP " + status;
                        last = null;
                        continue;
                    }
                    if (status != 200) {
                        throw new FetchException(uri.toString(), "Cannot fetch " + uri + ": server answered HTTP "
                                + status + ". Check the source's URI and your access to it.", null);
                    }
                    long total = response.headers().firstValueAsLong("content-length").orElse(-1);
                    return Optional.of(copy(body, sink, uri, total, progress));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("fetching " + uri + " was cancelled");
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("fetching " + uri + " was cancelled");
                }
                last = e;
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        throw new FetchException(uri.toString(), "Cannot fetch " + uri + " after " + attempts + " tries ("
                + lastProblem + "). Check the network connection, or use offline mode to work from the cache.",
                last);
    }

    private Optional<Download> fetchFile(URI uri, Sink sink, Consumer<ProgressEvent> progress) {
        Path path = Path.of(uri);
        try (InputStream in = Files.newInputStream(path)) {
            return Optional.of(copy(in, sink, uri, Files.size(path), progress));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new FetchException(uri.toString(), "Cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    private static Download copy(InputStream in, Sink sink, URI uri, long total, Consumer<ProgressEvent> progress)
            throws IOException {
        MessageDigest sha = Hashing.sha256();
        long done = 0;
        long reported = 0;
        byte[] buf = new byte[BUFFER];
        String detail = uri.toString();
        progress.accept(new ProgressEvent("fetch", detail, 0, total, ProgressEvent.Unit.BYTES));
        try (OutputStream out = new DigestOutputStream(sink.open(), sha)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("fetching " + uri + " was cancelled");
                }
                out.write(buf, 0, n);
                done += n;
                if (done - reported >= PROGRESS_STEP) {
                    reported = done;
                    progress.accept(new ProgressEvent("fetch", detail, done, total, ProgressEvent.Unit.BYTES));
                }
            }
        }
        progress.accept(new ProgressEvent("fetch", detail, done, total < 0 ? done : total, ProgressEvent.Unit.BYTES));
        return new Download(done, HexFormat.of().formatHex(sha.digest()));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while waiting to retry");
        }
    }
}
