package org.remixstudio.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.FixtureKey;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/**
 * The {@code remix} command line end to end, on a real signed archive made with dpkg-deb,
 * apt-ftparchive and gpg: output, JSON shape, exit codes and refusal of bad sources.
 */
class RemixCliTest {

    @TempDir
    static Path tmp;

    static FixtureRepository repo;

    @BeforeAll
    static void buildArchive() {
        repo = FixtureRepository.builder(tmp.resolve("repo"))
                .suite("stable").codename("fixture")
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required")
                        .description("Debian base system miscellaneous files"))
                .add(FixturePackage.of("libc6", "2.36-9").priority("required").multiArch("same")
                        .description("GNU C Library: Shared libraries"))
                .add(FixturePackage.of("hello", "2.10-3").depends("libc6 (>= 2.34)").section("devel")
                        .homepage("https://www.gnu.org/software/hello/")
                        .description("example package based on GNU hello"))
                .add(FixturePackage.of("webd", "1.0-1").depends("libc6, httpd-docs | docs-viewer")
                        .provides("httpd").description("a small web server"))
                .add(FixturePackage.of("httpd-docs", "1.0-1").arch("all").description("web server documentation"))
                .add(FixturePackage.of("broken", "1.0-1").depends("missing-lib (>= 3)").description("cannot be installed"))
                .build();
    }

    private record Run(int code, String out, String err) {
    }

    private Run remix(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--no-system-sources", "--source", repo.sourcesLine(),
                "--cache-dir", tmp.resolve("cache").toString()));
        return run(all.toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RemixCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void help_listsTheCommands_exitsZero() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("sources", "search", "show", "resolve");
    }

    @Test
    void unknownCommand_isAUsageError_suggestingTheClosest_exitTwo() {
        Run r = run("reslove");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'reslove'", "remix resolve");
    }

    @Test
    void helpCommand_describesTheNamedCommand() {
        Run r = run("help", "resolve");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: remix resolve", "--variant");
    }

    @Test
    void rootOptions_mayComeBeforeTheCommand() {
        Run r = remix("--debug", "resolve", "--add", "hello");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("hello", "requested");
    }

    @Test
    void unknownOption_isAUsageError_exitTwo() {
        Run r = run("resolve", "--no-such-option");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void sources_showsTheVerifiedSignatureAndPackageCount() {
        Run r = remix("sources");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(repo.uri(), "stable", "good signature by", "6 packages");
    }

    @Test
    void search_ranksTheExactNameFirst() {
        Run r = remix("search", "hello");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("hello ");
    }

    @Test
    void show_printsFieldsAndReverseDependencies() {
        Run r = remix("show", "libc6");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Package: libc6", "Version: 2.36-9", "Multi-Arch: same", "Priority: required",
                "Reverse-Depends (2):", "  hello", "  webd");
    }

    @Test
    void show_unknownPackage_failsNamingIt_exitOne() {
        Run r = remix("show", "helo");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("'helo'", "did you mean", "hello").doesNotContain("Exception");
    }

    @Test
    void resolve_json_hasTheDocumentedShape() throws Exception {
        Run r = remix("resolve", "--variant", "minbase", "--add", "webd", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        List<String> names = new ArrayList<>();
        root.get("packages").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).containsExactly("base-files", "httpd-docs", "libc6", "webd");
        JsonNode webd = root.get("packages").get(3);
        assertThat(webd.get("version").asText()).isEqualTo("1.0-1");
        assertThat(webd.get("reason").asText()).isEqualTo("requested");
        assertThat(webd.has("installedSize")).isTrue();
        try (var files = Files.walk(repo.archiveRoot())) {
            Path deb = files.filter(f -> f.getFileName().toString().startsWith("webd_1.0-1")).findFirst().orElseThrow();
            assertThat(webd.get("size").asLong()).isEqualTo(Files.size(deb));
        }
        assertThat(root.get("packages").get(1).get("reason").asText())
                .contains("dependency of webd", "httpd-docs | docs-viewer");
        assertThat(root.get("summary").get("count").asInt()).isEqualTo(4);
    }

    @Test
    void resolve_text_showsReasonsAndASummary() {
        Run r = remix("resolve", "--add", "hello");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("PACKAGE", "REASON", "hello", "requested", "part of the base")
                .containsPattern("3 packages, .* installed, .* to download");
    }

    @Test
    void resolve_unsatisfiable_namesTheBrokenChain_exitOne() {
        Run r = remix("resolve", "--add", "broken");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("broken", "missing-lib").doesNotContain("at org.");
    }

    @Test
    void resolve_removingAnEssentialPackage_isRefused() {
        Run r = remix("resolve", "--remove", "base-files");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("base-files");
    }

    @Test
    void aSourceWithAWrongKey_isRefusedNamingTheSource() throws Exception {
        Path otherKey = tmp.resolve("other.gpg");
        Files.write(otherKey, FixtureKey.other().publicKey());
        Run r = run("resolve", "--no-system-sources", "--source",
                "deb [signed-by=" + otherKey + "] " + repo.uri() + " stable main",
                "--cache-dir", tmp.resolve("cache-wrong-key").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(repo.uri(), "stable", "not in the source's keyring");
    }

    @Test
    void debug_printsTheStackTrace() {
        Run r = remix("--debug", "show", "no-such-package");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("at org.remixstudio");
    }
}
