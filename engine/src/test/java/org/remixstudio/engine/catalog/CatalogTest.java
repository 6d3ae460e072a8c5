package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds a catalog from three real index excerpts: bookworm main, bookworm-updates and
 * bookworm-security (entries copied unchanged from the archive). They overlap the way real suites
 * do: the same ca-certificates and exim4-daemon-light in two suites, an older libc6 in security than
 * in main, a newer libssl3 and tzdata in security, older ones in updates.
 */
class CatalogTest {

    private static final IndexOrigin UPDATES = new IndexOrigin(
            "http://mirror.invalid/debian/", "bookworm-updates", "bookworm-updates", "main", "1".repeat(64));
    private static final IndexOrigin SECURITY = new IndexOrigin(
            "http://mirror.invalid/debian-security/", "bookworm-security", "bookworm-security", "main", "2".repeat(64));

    private static List<BinaryPackage> main;
    private static List<BinaryPackage> updates;
    private static List<BinaryPackage> security;
    private static Catalog catalog;

    @BeforeAll
    static void build() throws IOException {
        main = PackagesIndexParserTest.parseResource("/catalog/bookworm-main.Packages", PackagesIndexParserTest.BOOKWORM);
        updates = PackagesIndexParserTest.parseResource("/catalog/bookworm-updates-main.Packages", UPDATES);
        security = PackagesIndexParserTest.parseResource("/catalog/bookworm-security-main.Packages", SECURITY);
        List<BinaryPackage> all = new ArrayList<>(main);
        all.addAll(updates);
        all.addAll(security);
        catalog = new Catalog(all, "amd64");
    }

    private static List<String> versions(String name) {
        return catalog.versions(name).stream().map(p -> p.version().toString()).toList();
    }

    @Test
    void all_keepsEveryEntryInIndexOrder() {
        assertThat(catalog.all()).hasSize(main.size() + updates.size() + security.size());
        assertThat(catalog.all().get(0).name()).isEqualTo("bash");
        assertThat(catalog.nativeArchitecture()).isEqualTo("amd64");
    }

    @Test
    void names_areTheDistinctRealPackageNames() {
        assertThat(catalog.names()).containsExactlyInAnyOrder("bash", "libc6", "perl-base", "python3-six", "mawk",
                "gawk", "ca-certificates", "libssl3", "tzdata", "exim4-daemon-light", "postfix");
        assertThat(catalog.nameCount()).isEqualTo(11);
        assertThatThrownBy(() -> catalog.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void versions_areHighestFirstAcrossSuites() {
        assertThat(versions("libssl3")).containsExactly("3.0.22-1~deb12u2", "3.0.20-1~deb12u2", "3.0.17-1~deb12u2");
        assertThat(versions("tzdata")).containsExactly("2026f-0+deb12u1", "2026b-0+deb12u1", "2025b-0+deb12u1");
    }

    @Test
    void candidate_isTheHighestVersionWhicheverSuiteHasIt() {
        assertThat(catalog.candidate("libssl3")).get().satisfies(p -> {
            assertThat(p.version()).hasToString("3.0.22-1~deb12u2");
            assertThat(p.origin()).isSameAs(SECURITY);
        });
        assertThat(catalog.candidate("libc6")).get().satisfies(p -> {
            assertThat(p.version()).hasToString("2.36-9+deb12u14");
            assertThat(p.origin()).as("security carries an older libc6 here").isSameAs(PackagesIndexParserTest.BOOKWORM);
        });
        assertThat(catalog.candidate("ca-certificates")).get()
                .satisfies(p -> assertThat(p.version()).hasToString("20250419~deb12u2"));
    }

    @Test
    void candidate_ofAnUnknownOrPurelyVirtualName_isEmpty() {
        assertThat(catalog.candidate("no-such-package")).isEmpty();
        assertThat(catalog.candidate("awk")).isEmpty();
        assertThat(catalog.versions("awk")).isEmpty();
    }

    @Test
    void sameEntryInTwoSuites_isListedOnceAndTheFirstSeenIsKept() {
        assertThat(versions("ca-certificates")).containsExactly("20250419~deb12u2", "20230311+deb12u1");
        BinaryPackage kept = catalog.versions("ca-certificates").get(1);
        assertThat(kept.origin()).isSameAs(PackagesIndexParserTest.BOOKWORM);

        assertThat(catalog.versions("exim4-daemon-light")).singleElement()
                .satisfies(p -> assertThat(p.origin()).isSameAs(PackagesIndexParserTest.BOOKWORM));
    }

    @Test
    void versionsThatDpkgCallsEqual_areOneEntry() throws IOException {
        List<BinaryPackage> ps = new PackagesIndexParser("x", UPDATES).parse(new StringReader(
                "Package: a\nVersion: 1.0\nArchitecture: all\n\nPackage: a\nVersion: 0:1.0-0\nArchitecture: all\n"
                        + "\nPackage: a\nVersion: 1.0\nArchitecture: amd64\n"));

        assertThat(new Catalog(ps, "amd64").versions("a")).extracting(BinaryPackage::id)
                .containsExactly("a=1.0:all", "a=1.0:amd64");
    }

    @Test
    void providers_indexesUnversionedAndVersionedProvides() {
        assertThat(catalog.providers("awk")).extracting(BinaryPackage::name).containsExactly("mawk", "gawk");
        assertThat(catalog.providers("libscalar-list-utils-perl")).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("perl-base");
            assertThat(p.provides()).filteredOn(pr -> pr.name().equals("libscalar-list-utils-perl"))
                    .singleElement().satisfies(pr -> assertThat(pr.version()).hasToString("1:1.62"));
        });
        assertThat(catalog.providers("no-such-virtual")).isEmpty();
    }

    @Test
    void providers_listAnEntryCarriedByTwoSuitesOnce() {
        assertThat(catalog.providers("mail-transport-agent")).extracting(BinaryPackage::id)
                .containsExactly("exim4-daemon-light=4.96-15+deb12u10:amd64", "postfix=3.7.11-0+deb12u1:amd64");
        assertThat(catalog.providers("mail-transport-agent").get(0)).isSameAs(catalog.versions("exim4-daemon-light").get(0));
    }

    @Test
    void providers_includeEveryDistinctVersionOfTheProvider_inIndexOrder() {
        assertThat(catalog.providers("tzdata-bookworm")).extracting(p -> p.version().toString())
                .containsExactly("2026b-0+deb12u1", "2025b-0+deb12u1", "2026f-0+deb12u1");
    }

    @Test
    void providers_ofANameProvidedTwiceByOneEntry_listItOnce() throws IOException {
        List<BinaryPackage> ps = new PackagesIndexParser("x", UPDATES).parse(new StringReader(
                "Package: a\nVersion: 1\nArchitecture: all\nProvides: v, v (= 1)\n"));

        assertThat(new Catalog(ps, "amd64").providers("v")).hasSize(1);
    }

    @Test
    void lists_cannotBeChanged() {
        assertThatThrownBy(() -> catalog.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.versions("libssl3").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.providers("awk").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void indexesBuiltOnFirstUse_byManyThreadsAtOnce_areOneAndTheSame() throws Exception {
        Catalog fresh = new Catalog(catalog.all(), "amd64");
        int threads = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<BinaryPackage>>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean providers = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return providers ? fresh.providers("mail-transport-agent") : fresh.versions("libssl3");
                }));
            }
            for (int i = 0; i < threads; i++) {
                List<BinaryPackage> expected = i % 2 == 0 ? catalog.providers("mail-transport-agent")
                        : catalog.versions("libssl3");
                assertThat(answers.get(i).get()).isEqualTo(expected);
                assertThat(answers.get(i).get().get(0)).isSameAs(answers.get(i % 2).get().get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
