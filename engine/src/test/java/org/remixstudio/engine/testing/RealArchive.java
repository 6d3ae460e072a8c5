package org.remixstudio.engine.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.RepositoryCatalogLoader;
import org.remixstudio.engine.repo.SuiteOverride;
import org.remixstudio.engine.repo.SystemSources;

/**
 * The real Debian archive for tests tagged {@code archive}: the {@code main} Packages indexes of a
 * release and its {@code -updates} and {@code -security} suites, from the mirrors in the host's apt
 * sources ({@code /etc/apt/sources.list.d/debian.sources}), cached under
 * {@code /tmp/remix-test-archive}, loaded and verified by the engine's own repository loader.
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

    /**
     * Loads through the engine's own verified loader (InRelease signatures, index hashes, the cache
     * under {@code /tmp/remix-test-archive/verified}), from the host's sources; another release of
     * the same archive comes through the suite override, as {@code remix --suite} does.
     */
    private static Catalog load(String release, String arch) {
        SystemSources system = new SystemSources(Path.of("/"));
        List<AptSource> sources = system.read();
        boolean hostRelease = sources.stream().anyMatch(src -> src.suites().contains(release));
        if (!hostRelease) {
            sources = new SuiteOverride(release).apply(sources);
        }
        return RepositoryCatalogLoader.create(system, CACHE.resolve("verified"))
                .load(sources, arch, false, Duration.ofHours(1), e -> { })
                .catalog();
    }
}
