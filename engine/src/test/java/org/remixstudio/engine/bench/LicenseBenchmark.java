package org.remixstudio.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.license.CopyrightAnalyzer;
import org.remixstudio.engine.license.CopyrightExtractor;
import org.remixstudio.engine.license.DebSource;
import org.remixstudio.engine.license.Evidence;
import org.remixstudio.engine.license.LicenseScanner;
import org.remixstudio.engine.license.LicenseStore;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.license.SpdxLicenseList;
import org.remixstudio.engine.license.SpdxNormalizer;
import org.remixstudio.engine.testing.RealArchive;

/**
 * The license figures issue 4 asks for, on bookworm from the host's mirrors:
 * <ol>
 *   <li>cold scan of 300 packages: an empty license store, every {@code .deb} already in the package cache
 *       (fetched first, not timed), so it measures reading and parsing copyright files (median of 3, each
 *       with a new store);</li>
 *   <li>warm scan of the same 300: everything in the store ({@code known} plus an empty {@code scanMissing})
 *       (median of 20);</li>
 *   <li>warm lookup of a 600-package image: {@code LicenseScanner.known} over 600 packages whose licenses are
 *       stored, in this JVM (median and p95 of 50 after 20 warm-up runs), and once in a store just opened.</li>
 * </ol>
 * The packages are every 90th name of the catalog whose {@code .deb} is at most 1.5 MB (the first 300 of them
 * for the scans, 600 for the lookup); their {@code .deb}s are kept in {@code /tmp/remix-test-archive/debs}, the
 * archive tests' cache (about 170 MB on the first run). Run from the repository root:
 * <pre>
 * mvn -q -B -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.remixstudio.engine.bench.LicenseBenchmark
 * </pre>
 */
public final class LicenseBenchmark {

    private static final Path DEB_CACHE = Path.of("/tmp/remix-test-archive/debs");
    private static final int STRIDE = 90;
    private static final long MAX_DEB_BYTES = 1_500_000;
    private static final int SCAN = 300;
    private static final int IMAGE = 600;

    private LicenseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Catalog catalog = RealArchive.catalog("bookworm", "amd64");
        List<BinaryPackage> image = sample(catalog);
        List<BinaryPackage> scan = image.subList(0, SCAN);
        DebFetcher fetcher = DebFetcher.create(DEB_CACHE);
        long t = System.nanoTime();
        fetcher.fetchAll(image, e -> { });
        System.out.printf(Locale.ROOT, "%d .debs in the package cache (%.0f MB) after %.1f s%n", image.size(),
                image.stream().mapToLong(BinaryPackage::size).sum() / 1e6, (System.nanoTime() - t) / 1e9);
        SpdxLicenseList list = SpdxLicenseList.bundled();
        DebSource debs = new DebSource() {
            @Override
            public Optional<Path> cached(BinaryPackage pkg) {
                return fetcher.cached(pkg);
            }

            @Override
            public Path fetch(BinaryPackage pkg) {
                return fetcher.fetchAll(List.of(pkg), e -> { }).get(0).file();
            }
        };

        double[] cold = new double[3];
        Map<BinaryPackage, PackageLicense> result = Map.of();
        for (int i = 0; i < cold.length; i++) {
            Path dir = Files.createTempDirectory("license-bench");
            try (LicenseStore store = LicenseStore.open(dir, list)) {
                LicenseScanner scanner = scanner(store, debs, list, catalog);
                t = System.nanoTime();
                result = scanner.scan(scan, e -> { });
                cold[i] = (System.nanoTime() - t) / 1e6;
            } finally {
                delete(dir);
            }
        }
        long sources = scan.stream().map(p -> p.source() + " " + p.sourceVersion()).distinct().count();
        System.out.printf(Locale.ROOT, "cold scan of %d packages (%d source packages): median %.0f ms %s%n", SCAN,
                sources, median(cold), Arrays.toString(round(cold)));
        System.out.println("  " + counts(result));
        result.values().stream().filter(l -> l.evidence() == Evidence.UNKNOWN)
                .forEach(l -> System.out.println("  unknown: " + l.name() + ": " + l.reason()));

        Path dir = Files.createTempDirectory("license-bench");
        try {
            try (LicenseStore store = LicenseStore.open(dir, list)) {
                LicenseScanner scanner = scanner(store, debs, list, catalog);
                scanner.scan(image, e -> { });
                double[] warm = new double[20];
                for (int i = 0; i < warm.length; i++) {
                    t = System.nanoTime();
                    scanner.scan(scan, e -> { });
                    warm[i] = (System.nanoTime() - t) / 1e6;
                }
                System.out.printf(Locale.ROOT, "warm scan of %d packages: median %.1f ms%n", SCAN, median(warm));
            }
            t = System.nanoTime();
            try (LicenseStore store = LicenseStore.open(dir, list)) {
                LicenseScanner scanner = scanner(store, debs, list, catalog);
                int found = scanner.known(image).size();
                double first = (System.nanoTime() - t) / 1e6;
                System.out.printf(Locale.ROOT, "warm lookup of a %d-package image in a just-opened store: %.1f ms"
                        + " (%d known)%n", IMAGE, first, found);
                for (int i = 0; i < 20; i++) {
                    scanner.known(image);
                }
                double[] lookups = new double[50];
                for (int i = 0; i < lookups.length; i++) {
                    t = System.nanoTime();
                    scanner.known(image);
                    lookups[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(lookups);
                System.out.printf(Locale.ROOT, "warm lookup of a %d-package image: median %.1f ms, p95 %.1f ms%n", IMAGE,
                        median(lookups), lookups[(int) Math.ceil(lookups.length * 0.95) - 1]);
            }
        } finally {
            delete(dir);
        }
    }

    private static LicenseScanner scanner(LicenseStore store, DebSource debs, SpdxLicenseList list, Catalog catalog) {
        return new LicenseScanner(store, debs, new CopyrightExtractor(CopyrightExtractor.DEFAULT_MAX_BYTES),
                new CopyrightAnalyzer(new SpdxNormalizer(list)), catalog::candidate, LicenseScanner.DEFAULT_PARALLELISM);
    }

    /** Every {@link #STRIDE}-th name of the catalog whose candidate is small enough, {@link #IMAGE} of them. */
    private static List<BinaryPackage> sample(Catalog catalog) {
        List<String> names = new ArrayList<>(new TreeSet<>(catalog.names()));
        List<BinaryPackage> out = new ArrayList<>();
        for (int i = 0; i < names.size() && out.size() < IMAGE; i += STRIDE) {
            catalog.candidate(names.get(i)).filter(p -> p.size() <= MAX_DEB_BYTES).ifPresent(out::add);
        }
        if (out.size() < IMAGE) {
            throw new IllegalStateException("only " + out.size() + " packages in the sample; lower STRIDE");
        }
        return out;
    }

    private static String counts(Map<BinaryPackage, PackageLicense> result) {
        Map<Evidence, Long> counts = new java.util.EnumMap<>(Evidence.class);
        result.values().forEach(l -> counts.merge(l.evidence(), 1L, Long::sum));
        return counts.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
