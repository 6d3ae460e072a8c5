package org.remixstudio.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.CatalogSearch;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;

/**
 * Checks layer package names against a catalog made from real bookworm index excerpts (main and
 * bookworm-updates: bash, libc6, perl-base, python3-six, mawk and gawk (both provide awk),
 * ca-certificates, libssl3, tzdata, exim4-daemon-light and postfix (both provide
 * mail-transport-agent; only exim4 provides default-mta)).
 */
class PackageNameCheckerTest {

    private static Catalog catalog;
    private final RemixSpecReader reader = new RemixSpecReader();

    @BeforeAll
    static void loadCatalog() throws IOException {
        List<BinaryPackage> all = new ArrayList<>();
        all.addAll(parse("/catalog/bookworm-main.Packages", "bookworm"));
        all.addAll(parse("/catalog/bookworm-updates-main.Packages", "bookworm-updates"));
        catalog = new Catalog(all, "amd64");
    }

    private static List<BinaryPackage> parse(String resource, String suite) throws IOException {
        IndexOrigin origin = new IndexOrigin("http://mirror.invalid/debian/", suite, suite, "main", "0".repeat(64));
        try (Reader r = new InputStreamReader(PackageNameCheckerTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return new PackagesIndexParser(resource, origin).parse(r);
        }
    }

    private LoadedSpec load(String layers) {
        return reader.load(new StringReader("""
                {
                  "specVersion": 1,
                  "name": "t",
                  "suite": "bookworm",
                  "layers": %s
                }
                """.formatted(layers)), "t.remix.json");
    }

    private List<SpecProblem> check(String layers) {
        return new PackageNameChecker(catalog).check(load(layers));
    }

    @Test
    void knownNamesAndAvailableVersions_giveNoProblem() {
        assertThat(check("[{\"name\": \"a\", \"add\": [\"bash\", \"libc6=2.36-9+deb12u14\", \"default-mta\"],"
                + " \"remove\": [\"perl-base\"]}]")).isEmpty();
    }

    @Test
    void misspeltName_isNamedByPathAndPositionWithTheClosestName() {
        List<SpecProblem> problems = check("""
                [
                    {"name": "a", "add": ["bash"]},
                    {"name": "b", "add": ["ca-certificate", "tzdat"]}
                  ]""");
        assertThat(problems).containsExactly(
                new SpecProblem("$.layers[1].add[0]", 7, 27, "no package 'ca-certificate' in the package catalog"
                        + " (bookworm, amd64); did you mean 'ca-certificates'?"),
                new SpecProblem("$.layers[1].add[1]", 7, 45, "no package 'tzdat' in the package catalog"
                        + " (bookworm, amd64); did you mean 'tzdata'?"));
    }

    @Test
    void transposedLetters_countAsOneTypo() {
        assertThat(check("[{\"name\": \"a\", \"add\": [\"bahs\"]}]")).singleElement()
                .extracting(SpecProblem::message).asString().endsWith("did you mean 'bash'?");
    }

    @Test
    void partialName_isCompletedFromTheSearchIndex() {
        assertThat(check("[{\"name\": \"a\", \"add\": [\"exim4\"]}]")).singleElement()
                .extracting(SpecProblem::message).asString().endsWith("did you mean 'exim4-daemon-light'?");
    }

    @Test
    void nothingClose_pointsToSearch() {
        assertThat(check("[{\"name\": \"a\", \"add\": [\"zzzzzzzz\"]}]")).singleElement()
                .extracting(SpecProblem::message).isEqualTo("no package 'zzzzzzzz' in the package catalog (bookworm,"
                        + " amd64); look for it with `remix search zzzzzzzz`");
    }

    @Test
    void pinnedVersionNotInTheCatalog_listsTheAvailableOnes() {
        assertThat(check("[{\"name\": \"a\", \"add\": [\"tzdata=2020a-1\"]}]")).singleElement()
                .extracting(SpecProblem::message).isEqualTo("'tzdata' has no version 2020a-1 in the package catalog"
                        + " (bookworm, amd64); available: 2026b-0+deb12u1, 2025b-0+deb12u1 (or drop '=2020a-1' to take the newest)");
    }

    @Test
    void pinnedVersion_isComparedAsADebianVersion() {
        assertThat(check("[{\"name\": \"a\", \"add\": [\"bash=0:5.2.15-2+b13\"]}]")).isEmpty();
    }

    @Test
    void virtualNameWithSeveralProviders_asksForOne() {
        assertThat(check("[{\"name\": \"a\", \"add\": [\"mail-transport-agent\", \"awk=1\"]}]"))
                .extracting(SpecProblem::message).containsExactly(
                        "'mail-transport-agent' is a virtual package provided by exim4-daemon-light, postfix: name the one you want",
                        "'awk' is a virtual package, it has no versions: name a real package provided as it, one of mawk, gawk");
    }

    @Test
    void removeOfUnknownOrVirtualName_isAProblem() {
        assertThat(check("[{\"name\": \"a\", \"remove\": [\"pearl-base\", \"awk\"]}]")).extracting(SpecProblem::path, SpecProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$.layers[0].remove[0]", "no package 'pearl-base' in the package"
                                + " catalog (bookworm, amd64), so it cannot be installed to remove; did you mean 'perl-base'?"),
                        org.assertj.core.groups.Tuple.tuple("$.layers[0].remove[1]", "'awk' is a virtual package: remove"
                                + " the real package that provides it, one of mawk, gawk"));
    }

    @Test
    void specMadeInCode_getsPathsWithoutPositions() {
        RemixSpec spec = RemixSpec.of("t", "bookworm", List.of(new LayerSpec("a", List.of(PackageRef.of("mawkk")), List.of())));
        assertThat(new PackageNameChecker(catalog, new CatalogSearch(catalog)).check(spec)).containsExactly(
                new SpecProblem("$.layers[0].add[0]", 0, 0, "no package 'mawkk' in the package catalog (bookworm, amd64);"
                        + " did you mean 'mawk'?"));
    }

    @Test
    void requireKnownPackages_throwsAllProblemsNamingTheFile() {
        LoadedSpec loaded = load("[{\"name\": \"a\", \"add\": [\"bsah\", \"libssl\"]}]");
        SpecFormatException e = catchThrowableOfType(SpecFormatException.class,
                () -> new PackageNameChecker(catalog).requireKnownPackages(loaded));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).startsWith("t.remix.json: 2 problems:\n  t.remix.json:5:36: $.layers[0].add[0]: no package 'bsah'");
        assertThat(e.problems().get(1).message()).endsWith("did you mean 'libssl3'?");
        new PackageNameChecker(catalog).requireKnownPackages(load("[]"));
    }
}
