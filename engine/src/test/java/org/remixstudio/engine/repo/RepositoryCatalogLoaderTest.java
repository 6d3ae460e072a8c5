package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.testing.FixtureHttpServer;
import org.remixstudio.engine.testing.FixtureKey;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

class RepositoryCatalogLoaderTest {

    @TempDir
    Path tmp;

    private final List<ProgressEvent> events = new ArrayList<>();

    private RepositoryCatalogLoader loader(Path cache) {
        return loader(cache, Clock.systemUTC());
    }

    private RepositoryCatalogLoader loader(Path cache, Clock clock) {
        Fetcher fetcher = new Fetcher(java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build(),
                Duration.ofSeconds(10), 2, Duration.ofMillis(10));
        return new RepositoryCatalogLoader(fetcher, new RepositoryCache(cache), new KeyringResolver(List.of()), clock);
    }

    private static List<AptSource> sources(String... lines) {
        List<AptSource> out = new ArrayList<>();
        OneLineSourcesParser parser = new OneLineSourcesParser("test.list");
        for (int i = 0; i < lines.length; i++) {
            out.add(parser.parseLine(lines[i], i + 1));
        }
        return out;
    }

    private FixtureRepository simpleRepo(String name) {
        return FixtureRepository.builder(tmp.resolve(name))
                .add(FixturePackage.of("hello", "1.0-1").depends("libgreet1 (>= 1.0)"))
                .add(FixturePackage.of("libgreet1", "1.2-1").multiArch("same"))
                .add(FixturePackage.of("greet-data", "1.2-1").arch("all"))
                .build();
    }

    @Test
    void goodInRelease_isVerifiedAndItsPackagesLoaded() {
        FixtureRepository repo = simpleRepo("r");

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false,
                events::add);

        assertThat(loaded.catalog().names()).containsExactlyInAnyOrder("hello", "libgreet1", "greet-data");
        BinaryPackage hello = loaded.catalog().candidate("hello").orElseThrow();
        assertThat(hello.depends().get(0).toString()).isEqualTo("libgreet1 (>= 1.0)");
        assertThat(hello.origin().baseUri()).isEqualTo(repo.uri());
        assertThat(hello.origin().codename()).isEqualTo("fixture");
        assertThat(hello.origin().releaseSha256()).hasSize(64);
        SuiteStatus status = loaded.suites().get(0);
        assertThat(status.signature().kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);
        assertThat(status.signature().signedFile()).isEqualTo("InRelease");
        assertThat(status.signature().keyId()).isEqualTo(FixtureKey.primary().signingKeyId());
        assertThat(status.signature().fingerprint()).isEqualTo(FixtureKey.primary().fingerprint());
        assertThat(status.signature().userId()).isEqualTo(FixtureKey.primary().userId());
        assertThat(status.packages()).isEqualTo(3);
        assertThat(status.fromCache()).isFalse();
        assertThat(status.warnings()).isEmpty();
        assertThat(events).extracting(ProgressEvent::step).contains("release", "fetch", "parse");
    }

    @Test
    void withoutInRelease_theReleaseAndReleaseGpgAreVerified() {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).inRelease(false).build();

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { });

        assertThat(loaded.catalog().candidate("hello")).isPresent();
        assertThat(loaded.suites().get(0).signature().signedFile()).isEqualTo("Release");
        assertThat(loaded.suites().get(0).signature().kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);
    }

    @Test
    void tamperedInRelease_isRefusedNamingSourceAndKey() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        Path inRelease = repo.distsFile("InRelease");
        Files.writeString(inRelease, Files.readString(inRelease).replace("Origin: Fixture", "Origin: Evil"));

        assertThatThrownBy(() -> loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("BAD signature")
                .hasMessageContaining(repo.uri() + " stable")
                .hasMessageContaining(FixtureKey.primary().signingKeyId());
    }

    @Test
    void tamperedPackages_isAHashMismatchNamingUrlExpectedAndActual() throws IOException {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).compressions(".xz").build();
        Path xz = repo.distsFile("main/binary-amd64/Packages.xz");
        byte[] original = Files.readAllBytes(xz);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 0x01;
        Files.write(xz, changed);

        assertThatThrownBy(() -> loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("Hash sum mismatch for " + repo.uri() + "dists/stable/main/binary-amd64/Packages.xz")
                .hasMessageContaining("expects size " + original.length + " and SHA256 " + Hashing.sha256Hex(original))
                .hasMessageContaining("SHA256 " + Hashing.sha256Hex(changed));
    }

    @Test
    void anIndexLargerThanSigned_isCutOffWhileDownloading() throws IOException {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).compressions(".xz").build();
        Path xz = repo.distsFile("main/binary-amd64/Packages.xz");
        long signedSize = Files.size(xz);
        Files.write(xz, new byte[1 << 20], java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(repo.uri() + "dists/stable/main/binary-amd64/Packages.xz is larger than the "
                        + signedSize + " bytes");
        try (var files = Files.walk(tmp.resolve("cache"))) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString)).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void signatureByAKeyOutsideTheKeyring_isRefusedNamingTheKey() throws IOException {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).signedBy(FixtureKey.other()).build();
        Path expected = FixtureKey.primary().writePublicKey(tmp.resolve("expected.gpg"));

        assertThatThrownBy(() -> loader(tmp.resolve("cache"))
                .load(sources(repo.sourcesLine("signed-by=" + expected)), "amd64", false, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(repo.uri() + " stable")
                .hasMessageContaining("signed by key " + FixtureKey.other().signingKeyId())
                .hasMessageContaining("not in the source's keyring");
    }

    @Test
    void unsignedRepository_isRefused() {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).unsigned().build();

        assertThatThrownBy(() -> loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(repo.uri() + " stable")
                .hasMessageContaining("is not signed")
                .hasMessageContaining("test.list, line 1");
    }

    @Test
    void unsignedRepository_markedTrusted_isAccepted() {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).unsigned().build();

        LoadedCatalog loaded = loader(tmp.resolve("cache"))
                .load(sources(repo.sourcesLine("trusted=yes")), "amd64", false, e -> { });

        assertThat(loaded.catalog().candidate("hello")).isPresent();
        SignatureStatus sig = loaded.suites().get(0).signature();
        assertThat(sig.kind()).isEqualTo(SignatureStatus.Kind.TRUSTED_UNCHECKED);
        assertThat(sig.describe()).startsWith("trusted=yes (not checked");
    }

    @Test
    void badSignature_onTrustedSource_isAcceptedButReported() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        Path inRelease = repo.distsFile("InRelease");
        Files.writeString(inRelease, Files.readString(inRelease).replace("Origin: Fixture", "Origin: Other"));

        LoadedCatalog loaded = loader(tmp.resolve("cache"))
                .load(sources(repo.sourcesLine("trusted=yes signed-by=" + repo.keyringGpg())), "amd64", false, e -> { });

        assertThat(loaded.suites().get(0).signature().kind()).isEqualTo(SignatureStatus.Kind.TRUSTED_UNCHECKED);
        assertThat(loaded.suites().get(0).signature().detail()).contains("does not match");
    }

    @Test
    void signatureBySigningSubkey_isAccepted() {
        FixtureKey key = FixtureKey.withSigningSubkey();
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).signedBy(key).build();

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { });

        SignatureStatus sig = loaded.suites().get(0).signature();
        assertThat(sig.kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);
        assertThat(sig.keyId()).isEqualTo(key.signingKeyId()).isNotEqualTo(key.fingerprint().substring(24));
        assertThat(sig.userId()).isEqualTo(key.userId());
    }

    @Test
    void armoredKeyring_andInlineKey_inDeb822Sources_verify() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        Path file = tmp.resolve("fixture.sources");
        String inline = FixtureKey.primary().publicKeyArmored().strip().lines()
                .map(l -> l.isEmpty() ? " ." : " " + l).reduce((a, b) -> a + "\n" + b).orElseThrow();
        Files.writeString(file, repo.deb822Stanza("").replace("archive.gpg", "archive.asc") + "\n"
                + "Types: deb\nURIs: " + repo.uri() + "\nSuites: stable\nComponents: main\nSigned-By:\n" + inline + "\n");
        List<AptSource> parsed = SystemSources.readFile(file);
        assertThat(parsed.get(1).signedBy().inlineKey()).contains("BEGIN PGP PUBLIC KEY BLOCK");

        for (AptSource s : parsed) {
            LoadedCatalog loaded = loader(tmp.resolve("cache")).load(List.of(s), "amd64", false, e -> { });
            assertThat(loaded.suites().get(0).signature().kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);
        }
    }

    @Test
    void withoutSignedBy_theSystemsTrustedKeyringsApply() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        Path root = tmp.resolve("root");
        FixtureKey.primary().writePublicKeyArmored(root.resolve("etc/apt/trusted.gpg.d/fixture.asc"));
        RepositoryCatalogLoader withTrusted = RepositoryCatalogLoader.create(new SystemSources(root), tmp.resolve("cache"));

        LoadedCatalog loaded = withTrusted.load(sources(repo.sourcesLine("")), "amd64", false, e -> { });
        assertThat(loaded.suites().get(0).signature().kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);

        RepositoryCatalogLoader withoutTrusted = RepositoryCatalogLoader.create(new SystemSources(tmp.resolve("empty")),
                tmp.resolve("cache2"));
        assertThatThrownBy(() -> withoutTrusted.load(sources(repo.sourcesLine("")), "amd64", false, e -> { }))
                .hasMessageContaining("not in the source's keyring");
    }

    @Test
    void fingerprintInSignedBy_restrictsTheTrustedKeys() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        Path root = tmp.resolve("root");
        FixtureKey.primary().writePublicKey(root.resolve("etc/apt/trusted.gpg.d/fixture.gpg"));
        FixtureKey.other().writePublicKey(root.resolve("etc/apt/trusted.gpg.d/other.gpg"));
        RepositoryCatalogLoader l = RepositoryCatalogLoader.create(new SystemSources(root), tmp.resolve("cache"));

        assertThat(l.load(sources(repo.sourcesLine("signed-by=" + FixtureKey.primary().fingerprint())), "amd64", false,
                e -> { }).suites().get(0).signature().kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);
        assertThatThrownBy(() -> l.load(sources(repo.sourcesLine("signed-by=" + FixtureKey.other().fingerprint())),
                "amd64", false, e -> { })).hasMessageContaining("not in the source's keyring");
    }

    @Test
    void byHash_isFetchedOverHttp() throws IOException {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).byHashOnly(true).build();
        try (FixtureHttpServer server = FixtureHttpServer.serve(repo.archiveRoot())) {
            String line = repo.sourcesLine().replace(repo.uri(), server.baseUri());

            LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(line), "amd64", false, e -> { });

            assertThat(loaded.catalog().candidate("hello")).isPresent();
            assertThat(server.requests()).anyMatch(p -> p.startsWith("/dists/stable/main/binary-amd64/by-hash/SHA256/"))
                    .noneMatch(p -> p.endsWith("/Packages.xz"));
            assertThat(loaded.catalog().candidate("hello").orElseThrow().origin().baseUri()).isEqualTo(server.baseUri());
        }
    }

    @Test
    void byHashMissingOnTheMirror_fallsBackToThePlainPath() throws IOException {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).acquireByHash(true).build();
        deleteTree(repo.distsFile("main/binary-amd64/by-hash"));
        try (FixtureHttpServer server = FixtureHttpServer.serve(repo.archiveRoot())) {
            String line = repo.sourcesLine().replace(repo.uri(), server.baseUri());

            LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(line), "amd64", false, e -> { });

            assertThat(loaded.catalog().candidate("hello")).isPresent();
            assertThat(server.requests()).contains("/dists/stable/main/binary-amd64/Packages.xz");
        }
    }

    @Test
    void missingInRelease_andMissingXzVariant_fallBackOverHttp_andRedirectsAreFollowed() throws IOException {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).inRelease(false).build();
        Files.delete(repo.distsFile("main/binary-amd64/Packages.xz"));
        try (FixtureHttpServer server = FixtureHttpServer.serve(repo.archiveRoot())) {
            String line = repo.sourcesLine().replace(repo.uri(), server.baseUri() + "moved/");

            LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(line), "amd64", false, e -> { });

            assertThat(loaded.catalog().candidate("hello")).isPresent();
            assertThat(server.requests()).containsSubsequence(
                    "/moved/dists/stable/InRelease", "/moved/dists/stable/Release", "/dists/stable/Release",
                    "/moved/dists/stable/Release.gpg", "/moved/dists/stable/main/binary-amd64/Packages.xz",
                    "/moved/dists/stable/main/binary-amd64/Packages.gz", "/dists/stable/main/binary-amd64/Packages.gz");
        }
    }

    @Test
    void offline_loadsTheSameCatalogFromTheCache_withoutTheArchive() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        Path cache = tmp.resolve("cache");
        List<AptSource> src = sources(repo.sourcesLine());
        LoadedCatalog online = loader(cache).load(src, "amd64", false, e -> { });
        deleteTree(repo.archiveRoot());

        List<ProgressEvent> offlineEvents = new ArrayList<>();
        LoadedCatalog offline = loader(cache).load(src, "amd64", true, offlineEvents::add);

        assertThat(offline.catalog().all()).containsExactlyElementsOf(online.catalog().all());
        SuiteStatus s = offline.suites().get(0);
        assertThat(s.fromCache()).isTrue();
        assertThat(s.fetchedAt()).isEqualTo(online.suites().get(0).fetchedAt());
        assertThat(s.releaseDate()).isNotNull();
        assertThat(s.signature()).isEqualTo(online.suites().get(0).signature());
        assertThat(offlineEvents).extracting(ProgressEvent::step).doesNotContain("fetch", "parse");
    }

    @Test
    void secondOnlineLoad_ofAnUnchangedArchive_readsSnapshotsInsteadOfParsing() {
        FixtureRepository repo = simpleRepo("r");
        Path cache = tmp.resolve("cache");
        loader(cache).load(sources(repo.sourcesLine()), "amd64", false, e -> { });

        List<ProgressEvent> second = new ArrayList<>();
        LoadedCatalog again = loader(cache).load(sources(repo.sourcesLine()), "amd64", false, second::add);

        assertThat(again.catalog().nameCount()).isEqualTo(3);
        assertThat(second).extracting(ProgressEvent::step).contains("fetch").doesNotContain("parse");
        assertThat(again.suites().get(0).fromCache()).isFalse();
    }

    @Test
    void networkFailure_fallsBackToTheCache_andSaysSo() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        Path cache = tmp.resolve("cache");
        String line;
        try (FixtureHttpServer server = FixtureHttpServer.serve(repo.archiveRoot())) {
            line = repo.sourcesLine().replace(repo.uri(), server.baseUri());
            loader(cache).load(sources(line), "amd64", false, e -> { });
        }

        LoadedCatalog loaded = loader(cache).load(sources(line), "amd64", false, e -> { });

        assertThat(loaded.catalog().nameCount()).isEqualTo(3);
        assertThat(loaded.suites().get(0).fromCache()).isTrue();
        assertThat(loaded.suites().get(0).warnings()).anyMatch(w -> w.contains("network failed"));
    }

    @Test
    void serverErrors_areRetried() throws IOException {
        FixtureRepository repo = simpleRepo("r");
        try (FixtureHttpServer server = FixtureHttpServer.serve(repo.archiveRoot())) {
            server.failNext(1);
            String line = repo.sourcesLine().replace(repo.uri(), server.baseUri());

            LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(line), "amd64", false, e -> { });

            assertThat(loaded.suites().get(0).fromCache()).isFalse();
            assertThat(server.requests().subList(0, 2)).containsOnly("/dists/stable/InRelease");
        }
    }

    @Test
    void offline_withNothingCached_saysWhatToDo() {
        FixtureRepository repo = simpleRepo("r");

        assertThatThrownBy(() -> loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", true, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("Nothing is cached for " + repo.uri() + " stable")
                .hasMessageContaining("network access");
    }

    @Test
    void expiredValidUntil_isRefused_unlessCheckValidUntilIsOff() {
        Instant now = Instant.now();
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("hello", "1.0")).validUntil(now.plus(Duration.ofDays(7))).build();
        Clock later = Clock.fixed(now.plus(Duration.ofDays(8)), ZoneOffset.UTC);

        assertThatThrownBy(() -> loader(tmp.resolve("cache"), later).load(sources(repo.sourcesLine()), "amd64", false,
                e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(repo.uri() + " stable")
                .hasMessageContaining("has expired (Valid-Until");
        String relaxed = repo.sourcesLine("signed-by=" + repo.keyringGpg() + " check-valid-until=no");
        assertThat(loader(tmp.resolve("cache"), later).load(sources(relaxed), "amd64", false, e -> { })
                .suites().get(0).validUntil()).isNotNull();
    }

    @Test
    void severalSuites_areMerged_andTheHighestVersionWins() {
        FixtureRepository base = FixtureRepository.builder(tmp.resolve("base")).suite("stable")
                .add(FixturePackage.of("hello", "1.0-1")).add(FixturePackage.of("tool", "3.0")).build();
        FixtureRepository updates = FixtureRepository.builder(tmp.resolve("updates")).suite("stable-updates")
                .add(FixturePackage.of("hello", "1.0-1+deb1u1")).build();

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(base.sourcesLine(), updates.sourcesLine()),
                "amd64", false, e -> { });

        assertThat(loaded.catalog().candidate("hello").orElseThrow().version().toString()).isEqualTo("1.0-1+deb1u1");
        assertThat(loaded.catalog().versions("hello")).hasSize(2);
        assertThat(loaded.suites()).extracting(SuiteStatus::suite).containsExactly("stable", "stable-updates");
        assertThat(loaded.suites()).extracting(SuiteStatus::packages).containsExactly(2, 1);
    }

    @Test
    void separateBinaryAll_isReadToo_whenTheReleaseListsArchitectureAll() {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r")).separateArchAll(true)
                .add(FixturePackage.of("hello", "1.0")).add(FixturePackage.of("hello-doc", "1.0").arch("all")).build();

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { });

        assertThat(loaded.catalog().names()).containsExactlyInAnyOrder("hello", "hello-doc");
        assertThat(loaded.catalog().all()).hasSize(2);
    }

    @Test
    void componentMissingFromTheRelease_isSkippedWithAWarning() {
        FixtureRepository repo = simpleRepo("r");

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(repo.sourcesLine() + " contrib"), "amd64",
                false, e -> { });

        assertThat(loaded.catalog().nameCount()).isEqualTo(3);
        assertThat(loaded.suites().get(0).warnings()).anyMatch(w -> w.contains("contrib/binary-amd64/Packages"));
    }

    @Test
    void flatRepository_isRead() {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r")).flat(true)
                .add(FixturePackage.of("hello", "1.0")).build();

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { });

        BinaryPackage hello = loaded.catalog().candidate("hello").orElseThrow();
        assertThat(Files.exists(Path.of(java.net.URI.create(hello.origin().baseUri() + hello.filename())))).isTrue();
        assertThat(loaded.suites().get(0).signature().kind()).isEqualTo(SignatureStatus.Kind.VERIFIED);
    }

    @Test
    void packageFilenames_pointAtTheDebs() {
        FixtureRepository repo = simpleRepo("r");

        LoadedCatalog loaded = loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false, e -> { });

        for (BinaryPackage p : loaded.catalog().all()) {
            assertThat(Path.of(java.net.URI.create(p.origin().baseUri() + p.filename()))).exists();
            assertThat(p.sha256()).hasSize(64);
        }
    }

    @Test
    void fixtureRepository_loadCatalog_givesTheCatalogForResolverTests() {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("r"))
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required"))
                .add(FixturePackage.of("mawk", "1.3.4").provides("awk").priority("required"))
                .add(FixturePackage.of("libfoo1", "2:1.0-1").arch("amd64").multiArch("same").source("foo (1.0-1)"))
                .build();

        org.remixstudio.engine.catalog.Catalog catalog = repo.loadCatalog("amd64");

        assertThat(catalog.candidate("base-files").orElseThrow().essential()).isTrue();
        assertThat(catalog.providers("awk")).extracting(BinaryPackage::name).containsExactly("mawk");
        BinaryPackage foo = catalog.candidate("libfoo1").orElseThrow();
        assertThat(foo.version().epoch()).isEqualTo(2);
        assertThat(foo.source()).isEqualTo("foo");
        assertThat(foo.sourceVersion().toString()).isEqualTo("1.0-1");
    }

    @Test
    void interruptedLoad_isCancelled() {
        FixtureRepository repo = simpleRepo("r");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> loader(tmp.resolve("cache")).load(sources(repo.sourcesLine()), "amd64", false,
                    e -> { })).isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
