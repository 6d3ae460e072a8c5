package org.remixstudio.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.SourcePackage;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.Fetcher;
import org.remixstudio.engine.repo.OneLineSourcesParser;
import org.remixstudio.engine.repo.RepositoryCatalogLoader;
import org.remixstudio.engine.repo.SystemSources;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/**
 * The source bundle against a real signed fixture archive (dpkg-source, apt-ftparchive, gpg): Sources
 * index verified against the InRelease, binaries mapped to sources (binNMUs by their Source version),
 * files verified and laid out like the pool, resumable, and hostile archives refused.
 */
class SourceBundlerTest {

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FixtureRepository repo(FixtureRepository.Builder b) {
        return b.sources(true)
                .add(FixturePackage.of("hello", "1.0-1"))
                .add(FixturePackage.of("libhello1", "1.0-1").source("hello"))
                // a binNMU: the binary's version differs, the source version is in parentheses
                .add(FixturePackage.of("tool", "2.0-3+b1").source("tool (2.0-3)"))
                .add(FixturePackage.of("data", "1:5.1-2").arch("all"))
                .build();
    }

    private List<SourcePackage> loadSources(FixtureRepository repo) {
        AptSource source = new OneLineSourcesParser("fixture").parseLine(repo.sourcesLine(), 1);
        return RepositoryCatalogLoader.create(new SystemSources(tmp.resolve("no-root")), tmp.resolve("cache"))
                .loadSources(List.of(source), n -> true, false, Duration.ZERO, e -> { });
    }

    private List<SourceMatch> matches(FixtureRepository repo) {
        Catalog catalog = repo.loadCatalog("amd64");
        return new SourceMatcher(loadSources(repo)).match(catalog.all());
    }

    @Test
    void loadSources_readsTheSourcesIndexTheInReleaseSigns() {
        FixtureRepository repo = repo(FixtureRepository.builder(tmp.resolve("r")));
        List<SourcePackage> sources = loadSources(repo);
        assertThat(sources).extracting(s -> s.name() + " " + s.version())
                .containsExactlyInAnyOrder("hello 1.0-1", "tool 2.0-3", "data 1:5.1-2");
        assertThat(sources).allMatch(s -> s.dsc().isPresent() && s.files().size() == 2);
    }

    @Test
    void loadSources_aTamperedSourcesIndex_isAHashMismatchNamingTheUrl() throws IOException {
        FixtureRepository repo = repo(FixtureRepository.builder(tmp.resolve("r")));
        Path sources = repo.distsFile("main/source/Sources.xz");
        byte[] bytes = Files.readAllBytes(sources);
        bytes[bytes.length / 2] ^= 1;
        Files.write(sources, bytes);
        assertThatThrownBy(() -> loadSources(repo)).isInstanceOf(EngineException.class)
                .hasMessageContaining("Hash sum mismatch for " + repo.uri() + "dists/stable/main/source/Sources.xz");
    }

    @Test
    void bundle_fetchesEveryVerifiedFileIntoThePoolLayout_andMapsBinariesToSources() throws Exception {
        FixtureRepository repo = repo(FixtureRepository.builder(tmp.resolve("r")));
        Path out = tmp.resolve("bundle");
        List<ProgressEvent> events = new ArrayList<>();
        SourceBundleReport report = new SourceBundler(Fetcher.createDefault(), 2)
                .bundle(matches(repo), out, false, events::add);

        assertThat(report.binaries()).isEqualTo(4);
        assertThat(report.sources()).isEqualTo(3);
        assertThat(report.filesFetched()).isEqualTo(6);
        assertThat(report.filesKept()).isZero();
        assertThat(out.resolve("pool/main/h/hello/hello_1.0-1.dsc")).isRegularFile();
        assertThat(out.resolve("pool/main/h/hello/hello_1.0-1.tar.gz")).isRegularFile();
        assertThat(out.resolve("pool/main/d/data/data_5.1-2.dsc")).isRegularFile();
        assertThat(Files.readAllBytes(out.resolve("pool/main/t/tool/tool_2.0-3.dsc")))
                .isEqualTo(Files.readAllBytes(repo.archiveRoot().resolve("pool/main/t/tool/tool_2.0-3.dsc")));
        assertThat(events).anyMatch(e -> e.step().equals("source") && e.done() == e.total() && e.total() > 0);
        assertThat(leftovers(out)).isEmpty();

        JsonNode index = JSON.readTree(out.resolve(SourceBundler.INDEX).toFile());
        assertThat(index.get("binaries")).hasSize(4);
        JsonNode tool = find(index.get("binaries"), "tool");
        assertThat(tool.get("version").asText()).isEqualTo("2.0-3+b1");
        assertThat(tool.get("source").get("version").asText()).isEqualTo("2.0-3");
        assertThat(find(index.get("binaries"), "libhello1").get("source").get("name").asText()).isEqualTo("hello");
        JsonNode hello = find(index.get("sources"), "hello");
        assertThat(hello.get("dsc").asText()).isEqualTo("pool/main/h/hello/hello_1.0-1.dsc");
        assertThat(hello.get("files")).hasSize(2);
        assertThat(hello.get("files").get(0).get("sha256").asText()).hasSize(64);
        assertThat(index.get("missing")).isEmpty();

        // dpkg-source accepts the bundled .dsc with its files, signatures aside
        Process p = new ProcessBuilder("dpkg-source", "--no-check", "-x", "hello_1.0-1.dsc", tmp.resolve("x").toString())
                .directory(out.resolve("pool/main/h/hello").toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(tmp.resolve("x/README")).hasContent("source of hello 1.0-1");
    }

    @Test
    void bundle_again_keepsVerifiedFiles_andReplacesADamagedOne() throws IOException {
        FixtureRepository repo = repo(FixtureRepository.builder(tmp.resolve("r")));
        Path out = tmp.resolve("bundle");
        List<SourceMatch> matches = matches(repo);
        SourceBundler bundler = new SourceBundler(Fetcher.createDefault(), 3);
        bundler.bundle(matches, out, false, e -> { });
        byte[] index = Files.readAllBytes(out.resolve(SourceBundler.INDEX));
        Files.writeString(out.resolve("pool/main/h/hello/hello_1.0-1.dsc"), "damaged");

        SourceBundleReport again = bundler.bundle(matches, out, false, e -> { });

        assertThat(again.filesKept()).isEqualTo(5);
        assertThat(again.filesFetched()).isEqualTo(1);
        assertThat(Files.readAllBytes(out.resolve("pool/main/h/hello/hello_1.0-1.dsc")))
                .isEqualTo(Files.readAllBytes(repo.archiveRoot().resolve("pool/main/h/hello/hello_1.0-1.dsc")));
        assertThat(Files.readAllBytes(out.resolve(SourceBundler.INDEX))).isEqualTo(index);
    }

    @Test
    void bundle_aMissingSource_isAnErrorNamingBinaryAndSource_unlessAllowed() throws IOException {
        FixtureRepository repo = repo(FixtureRepository.builder(tmp.resolve("r")).withoutSource("tool"));
        List<SourceMatch> matches = matches(repo);
        Path out = tmp.resolve("bundle");
        assertThatThrownBy(() -> new SourceBundler(Fetcher.createDefault(), 2).bundle(matches, out, false, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("tool 2.0-3+b1 [amd64] from source tool 2.0-3")
                .hasMessageContaining("--allow-missing");
        assertThat(out).doesNotExist();

        SourceBundleReport report = new SourceBundler(Fetcher.createDefault(), 2).bundle(matches, out, true, e -> { });
        assertThat(report.missing()).containsExactly("tool 2.0-3+b1 [amd64] from source tool 2.0-3");
        JsonNode index = JSON.readTree(out.resolve(SourceBundler.INDEX).toFile());
        assertThat(index.get("missing").get(0).get("source").asText()).isEqualTo("tool");
        assertThat(index.get("binaries")).hasSize(3);
    }

    @Test
    void bundle_aFileNotMatchingTheSignedSourcesIndex_isRefusedNamingFileAndUrl_andNothingIsKept() throws IOException {
        FixtureRepository repo = repo(FixtureRepository.builder(tmp.resolve("r")));
        List<SourceMatch> matches = matches(repo);
        Path tarball = repo.archiveRoot().resolve("pool/main/t/tool/tool_2.0-3.tar.gz");
        byte[] bytes = Files.readAllBytes(tarball);
        bytes[bytes.length / 2] ^= 1;
        Files.write(tarball, bytes);
        Path out = tmp.resolve("bundle");

        assertThatThrownBy(() -> new SourceBundler(Fetcher.createDefault(), 1).bundle(matches, out, false, e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("Hash sum mismatch for tool_2.0-3.tar.gz from " + repo.uri()
                        + "pool/main/t/tool/tool_2.0-3.tar.gz")
                .hasMessageContaining("Nothing of it was kept");
        assertThat(out.resolve("pool/main/t/tool/tool_2.0-3.tar.gz")).doesNotExist();
        assertThat(out.resolve(SourceBundler.INDEX)).doesNotExist();
        assertThat(leftovers(out)).isEmpty();
    }

    @Test
    void bundle_aFileTheMirrorLacks_isAnErrorNamingTheUrl() throws IOException {
        FixtureRepository repo = repo(FixtureRepository.builder(tmp.resolve("r")));
        List<SourceMatch> matches = matches(repo);
        Files.delete(repo.archiveRoot().resolve("pool/main/d/data/data_5.1-2.tar.gz"));
        assertThatThrownBy(() -> new SourceBundler(Fetcher.createDefault(), 2)
                .bundle(matches, tmp.resolve("bundle"), false, e -> { }))
                .hasMessageContaining("does not have " + repo.uri() + "pool/main/d/data/data_5.1-2.tar.gz");
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    /** Temporary download files left in the bundle. */
    private static List<Path> leftovers(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
