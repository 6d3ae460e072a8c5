package org.remixstudio.engine.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.CatalogSearch;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;
import org.remixstudio.engine.catalog.SearchHit;

/**
 * Measures {@link CatalogSearch} on the host's real bookworm main indexes, the size the app searches
 * as the user types. Not a test: run it by hand after building the test classes, e.g.
 *
 * <pre>
 * mvn -q -o -pl engine test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.remixstudio.engine.bench.SearchBenchmark \
 *     [-Dexec.args=/var/lib/apt/lists]
 * </pre>
 *
 * It reads every {@code *bookworm*_main_binary-*_Packages*} file of the apt lists directory (plain or
 * compressed as apt keeps them), then times each query after a warm-up and prints p50/p95.
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of(
            "bash", "python3", "lib", "a", "e", "ssl", "libc6", "gnu shell", "text editor", "web browser",
            "python3 numpy", "firefox", "linux-image", "kernel", "font", "zzzzqx", "x11 window manager",
            "rust", "lib ssl dev", "documentation");

    /** Every prefix of these, as typed one key at a time. */
    private static final List<String> TYPED = List.of("libreoffice-writer", "network manager");

    private static final int LIMIT = 50;
    private static final int WARMUP_ROUNDS = 300;
    private static final int MEASURED_ROUNDS = 200;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path lists = Path.of(args.length > 0 ? args[0] : "/var/lib/apt/lists");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(lists, "*bookworm*_main_binary-*_Packages*")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        if (files.isEmpty()) {
            throw new IllegalStateException("no bookworm main Packages files in " + lists + "; run apt-get update");
        }

        long t0 = System.nanoTime();
        List<BinaryPackage> all = new ArrayList<>();
        for (Path f : files) {
            String suite = suiteOf(f.getFileName().toString());
            IndexOrigin origin = new IndexOrigin(lists.toUri().toString(), suite, suite, "main", "");
            try (InputStream in = open(f)) {
                int before = all.size();
                new PackagesIndexParser(f.toString(), origin)
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8), all::add);
                System.out.printf("read %-20s %,7d entries%n", suite, all.size() - before);
            }
        }
        long t1 = System.nanoTime();
        Catalog catalog = new Catalog(all, "amd64");
        long t2 = System.nanoTime();
        CatalogSearch search = new CatalogSearch(catalog);
        long t3 = System.nanoTime();
        System.out.printf("parse %d ms, catalog %d ms, search index %d ms, %,d names%n",
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), search.size());

        List<String> queries = new ArrayList<>(QUERIES);
        for (String typed : TYPED) {
            for (int i = 1; i <= typed.length(); i++) {
                queries.add(typed.substring(0, i));
            }
        }
        long sink = 0;
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            for (String q : queries) {
                sink += search.search(q, LIMIT).size();
            }
        }

        long[][] times = new long[queries.size()][MEASURED_ROUNDS];
        for (int r = 0; r < MEASURED_ROUNDS; r++) {
            for (int q = 0; q < queries.size(); q++) {
                long s = System.nanoTime();
                sink += search.search(queries.get(q), LIMIT).size();
                times[q][r] = System.nanoTime() - s;
            }
        }

        System.out.printf("%n%-22s %8s %8s  %s%n", "query", "p50 ms", "p95 ms", "first results");
        List<Long> everything = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            long[] t = times[q];
            Arrays.sort(t);
            for (long v : t) {
                everything.add(v);
            }
            if (q < QUERIES.size()) {
                List<SearchHit> hits = search.search(queries.get(q), 3);
                System.out.printf("%-22s %8.2f %8.2f  %s%n", '"' + queries.get(q) + '"',
                        t[t.length / 2] / 1e6, t[t.length * 95 / 100] / 1e6,
                        hits.stream().map(h -> h.pkg().name() + " (" + h.rank() + ")").toList());
            }
        }
        long[] e = everything.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%nall %d queries (incl. %d typed prefixes) x %d rounds: p50 %.2f ms, p95 %.2f ms, max %.2f ms"
                        + " (checksum %d)%n", queries.size(), queries.size() - QUERIES.size(), MEASURED_ROUNDS,
                e[e.length / 2] / 1e6, e[e.length * 95 / 100] / 1e6, e[e.length - 1] / 1e6, sink);
    }

    /** {@code ..._dists_bookworm-updates_main_binary-amd64_Packages.lz4} → {@code bookworm-updates}. */
    private static String suiteOf(String fileName) {
        int dists = fileName.indexOf("_dists_");
        int main = fileName.indexOf("_main_");
        return dists >= 0 && main > dists ? fileName.substring(dists + 7, main) : fileName;
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        try {
            return new CompressorStreamFactory().createCompressorInputStream(in);
        } catch (CompressorException notCompressed) {
            return in;
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
