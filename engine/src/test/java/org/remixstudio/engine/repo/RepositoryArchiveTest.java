package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.catalog.Catalog;

/**
 * The real Debian archive, reached through the host's own apt sources and verified with the host's
 * Debian archive keyring: what {@code remix} does on a user's machine.
 */
@Tag("archive")
class RepositoryArchiveTest {

    @TempDir
    Path cache;

    private final SystemSources host = new SystemSources(Path.of("/"));

    @Test
    void bookworm_fromTheHostSources_isVerifiedAndComplete_andReloadsOfflineFromTheCache() {
        List<AptSource> sources = host.read();
        RepositoryCatalogLoader loader = RepositoryCatalogLoader.create(host, cache);

        LoadedCatalog online = loader.load(sources, "amd64", false, e -> { });

        assertPlausible(online, "bookworm");
        LoadedCatalog offline = loader.load(sources, "amd64", true, e -> { });
        assertThat(offline.catalog().all()).hasSameSizeAs(online.catalog().all());
        assertThat(offline.suites()).allMatch(SuiteStatus::fromCache);
        assertThat(offline.catalog().candidate("bash")).isEqualTo(online.catalog().candidate("bash"));
    }

    @Test
    void trixie_throughASuiteOverrideOfTheHostSources_isVerifiedAndComplete() {
        List<AptSource> sources = new SuiteOverride("trixie").apply(host.read());

        LoadedCatalog loaded = RepositoryCatalogLoader.create(host, cache).load(sources, "amd64", false, e -> { });

        assertPlausible(loaded, "trixie");
        assertThat(loaded.suites()).extracting(SuiteStatus::suite).contains("trixie", "trixie-security");
    }

    private static void assertPlausible(LoadedCatalog loaded, String codename) {
        Catalog c = loaded.catalog();
        assertThat(c.nameCount()).isGreaterThan(60_000);
        assertThat(c.candidate("bash")).isPresent();
        assertThat(c.candidate("libc6")).isPresent();
        assertThat(c.candidate("bash").orElseThrow().essential()).isTrue();
        assertThat(c.candidate("bash").orElseThrow().origin().codename()).startsWith(codename);
        assertThat(loaded.suites()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.signature().kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);
            assertThat(s.signature().userId()).contains("Debian");
            assertThat(s.signature().fingerprint()).hasSize(40);
            assertThat(s.codename()).startsWith(codename);
            assertThat(s.releaseDate()).isNotNull();
            assertThat(s.packages()).isPositive();
            assertThat(s.warnings()).isEmpty();
        });
    }
}
