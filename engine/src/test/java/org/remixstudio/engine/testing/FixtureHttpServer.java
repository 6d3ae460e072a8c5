package org.remixstudio.engine.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Serves a directory over HTTP on the loopback interface (an ephemeral port of 127.0.0.1 only), to
 * test the fetcher's HTTP paths with a fixture archive: it records every requested path, can answer
 * {@code 503} for a while, and redirects {@code /moved/...} to {@code /...}.
 */
public final class FixtureHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int failuresLeft;

    private FixtureHttpServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts serving {@code root}. */
    public static FixtureHttpServer serve(Path root) throws IOException {
        return new FixtureHttpServer(root);
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Every path requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Answer the next {@code count} requests with {@code 503 Service Unavailable}. */
    public void failNext(int count) {
        failuresLeft = count;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        try (ex) {
            if (failuresLeft > 0) {
                failuresLeft--;
                ex.sendResponseHeaders(503, -1);
                return;
            }
            if (path.startsWith("/moved/")) {
                ex.getResponseHeaders().add("Location", path.substring("/moved".length()));
                ex.sendResponseHeaders(301, -1);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] data = Files.readAllBytes(file);
            ex.sendResponseHeaders(200, data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
