package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.resolve.ResolveRequest;
import org.remixstudio.engine.resolve.ResolvedPackage;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.testing.RealArchive;

/**
 * Every copyright file of bookworm's minbase and of a deterministic sample of at least 300 more
 * bookworm packages, fetched from the host's mirrors into the shared test cache
 * ({@code /tmp/remix-test-archive/debs}) and read with an empty license store: how many were declared,
 * detected and unknown (printed), and the unknown share stays small. The unknown cases left are listed
 * with their reasons in docs/licenses.md.
 */
@Tag("archive")
class LicenseArchiveTest {

    static final Path DEB_CACHE = Path.of("/tmp/remix-test-archive/debs");
    /** Every this-many-th package of the catalog (by name) joins the sample. */
    static final int STRIDE = 150;
    /** Bigger {@code .deb}s are left out of the sample to keep the download near 150 MB. */
    static final long MAX_DEB_BYTES = 1_500_000;

    static Catalog catalog;
    static List<BinaryPackage> minbase;
    static List<BinaryPackage> sample;

    @TempDir
    Path data;

    @BeforeAll
    static void loadArchive() {
        catalog = RealArchive.catalog("bookworm", "amd64");
        minbase = new Resolver(catalog).resolve(ResolveRequest.base(BaseVariant.MINBASE, "bookworm")).packages().stream()
                .map(ResolvedPackage::pkg).toList();
        sample = sample(catalog, minbase);
    }

    /** Every {@link #STRIDE}-th package name of the catalog whose candidate is small enough and not in minbase. */
    static List<BinaryPackage> sample(Catalog catalog, Collection<BinaryPackage> exclude) {
        Set<String> excluded = exclude.stream().map(BinaryPackage::name).collect(Collectors.toSet());
        List<String> names = new ArrayList<>(new TreeSet<>(catalog.names()));
        List<BinaryPackage> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += STRIDE) {
            Optional<BinaryPackage> c = catalog.candidate(names.get(i));
            if (c.isPresent() && c.get().size() <= MAX_DEB_BYTES && !excluded.contains(c.get().name())) {
                out.add(c.get());
            }
        }
        return out;
    }

    @Test
    void minbaseAndAtLeast300MorePackages_haveFewUnknownLicenses() {
        assertThat(sample).hasSizeGreaterThanOrEqualTo(300);
        Set<BinaryPackage> all = new LinkedHashSet<>(minbase);
        all.addAll(sample);
        SpdxLicenseList list = SpdxLicenseList.bundled();
        DebFetcher fetcher = DebFetcher.create(DEB_CACHE);
        Map<BinaryPackage, PackageLicense> found;
        try (LicenseStore store = LicenseStore.open(data, list)) {
            LicenseScanner scanner = new LicenseScanner(store, new DebSource() {
                @Override
                public Optional<Path> cached(BinaryPackage pkg) {
                    return fetcher.cached(pkg);
                }

                @Override
                public Path fetch(BinaryPackage pkg) {
                    return fetcher.fetchAll(List.of(pkg), e -> { }).get(0).file();
                }
            }, new CopyrightExtractor(CopyrightExtractor.DEFAULT_MAX_BYTES), new CopyrightAnalyzer(new SpdxNormalizer(list)),
                    catalog::candidate, 4);
            found = scanner.scan(all, e -> { });
        }
        assertThat(found.values()).doesNotContainNull().hasSize(all.size());

        report("minbase", minbase, found);
        report("sample", sample, found);
        List<PackageLicense> unknown = found.values().stream().filter(l -> l.evidence() == Evidence.UNKNOWN).toList();
        unknown.forEach(l -> System.out.println("UNKNOWN " + l.name() + " (" + l.pkg().source() + "): " + l.reason()));
        LicenseCategories table = LicenseCategories.bundled();
        found.values().stream().filter(l -> l.evidence() == Evidence.DETECTED)
                .forEach(l -> System.out.println("DETECTED " + l.name() + ": " + l.spdx() + " " + l.licenses()));
        found.values().stream().filter(l -> l.evidence() != Evidence.UNKNOWN
                        && l.category(table) == LicenseCategory.UNKNOWN)
                .forEach(l -> System.out.println("UNCATEGORISED " + l.name() + ": " + l.spdx()));
        assertThat(unknown).as("unknown licenses in minbase")
                .noneMatch(l -> minbase.contains(l.pkg()));
        assertThat((double) unknown.size() / found.size()).as("unknown share").isLessThan(0.02);
    }

    private static void report(String what, List<BinaryPackage> packages, Map<BinaryPackage, PackageLicense> found) {
        Map<Evidence, Integer> counts = new EnumMap<>(Evidence.class);
        Map<String, Integer> categories = new TreeMap<>();
        LicenseCategories table = LicenseCategories.bundled();
        for (BinaryPackage p : packages) {
            PackageLicense l = found.get(p);
            counts.merge(l.evidence(), 1, Integer::sum);
            categories.merge(l.category(table).id(), 1, Integer::sum);
        }
        System.out.println(what + ": " + packages.size() + " packages, " + counts + ", categories " + categories);
    }
}
