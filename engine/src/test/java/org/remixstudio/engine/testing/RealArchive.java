package org.remixstudio.engine.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;
import org.tukaani.xz.XZInputStream;

/**
 * The real Debian archive for tests tagged {@code archive}: the {@code main} Packages indexes of a
 * release and its {@code -updates} and {@code -security} suites, from the mirrors in the host's apt
 * sources ({@code /etc/apt/sources.list.d/debian.sources}), cached under
 * {@code /tmp/remix-test-archive}. A stand-in until the verified repository loader exists: it does
 * not check signatures, so only tests use it. Its one public method keeps the shape the real loader
 * will offer, so swapping the body is all it takes.
 */
public final class RealArchive {

    private static final Path SOURCES = Path.of("/etc/apt/sources.list.d/debian.sources");
    private static final Path CACHE = Path.of("/tmp/remix-test-archive");

    private RealArchive() {
    }

    /**
     * Merged catalog of {@code release}, {@code release-updates} and {@code release-security}, main.
     * Parsing takes a few seconds: load it once per test class.
     */
    public static Catalog catalog(String release, String arch) {
        return load(release, arch);
    }

    /** The suites merged for a release, in the order they are loaded (the host's order). */
    public static List<String> suites(String release) {
        return List.of(release, release + "-updates", release + "-security");
    }

    /** The archive root serving a suite: the security URI for {@code -security}, the main one otherwise. */
    public static String mirrorFor(String suite) {
        List<Paragraph> entries = sourceEntries();
        String main = null;
        String security = null;
        for (Paragraph p : entries) {
            String uri = p.get("URIs", "").strip().split("\\s+")[0];
            String suites = p.get("Suites", "");
            if (suites.contains("-security")) {
                security = security == null ? uri : security;
            } else {
                main = main == null ? uri : main;
            }
        }
        String chosen = suite.endsWith("-security") ? security : main;
        if (chosen == null) {
            throw new IllegalStateException(SOURCES + " has no entry serving " + suite
                    + "; add one (deb822 'URIs:' and 'Suites:') to run the archive tests");
        }
        return chosen.endsWith("/") ? chosen : chosen + "/";
    }

    private static List<Paragraph> sourceEntries() {
        try (Reader r = Files.newBufferedReader(SOURCES, StandardCharsets.UTF_8)) {
            return new Deb822Parser(SOURCES.toString()).parseAll(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's apt sources " + SOURCES, e);
        }
    }

    private static Catalog load(String release, String arch) {
        List<BinaryPackage> all = new ArrayList<>();
        for (String suite : suites(release)) {
            String base = mirrorFor(suite);
            String rel = "dists/" + suite + "/main/binary-" + arch + "/Packages.xz";
            Path file = fetch(base + rel, CACHE.resolve(suite).resolve("main/binary-" + arch + "/Packages.xz"));
            IndexOrigin origin = new IndexOrigin(base, suite, suite, "main", "");
            try (InputStream in = new XZInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                all.addAll(new PackagesIndexParser(base + rel, origin).parse(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (delete it to fetch it again)", e);
            }
        }
        return new Catalog(all, arch);
    }

    private static Path fetch(String url, Path target) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            Path tmp = Files.createTempFile(target.getParent(), "Packages", ".part");
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(tmp);
                throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading " + url, e);
        }
    }
}
