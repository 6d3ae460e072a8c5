package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.control.ControlSyntaxException;

/**
 * Runs the parser over {@code catalog/bookworm-main.Packages}: eleven entries copied unchanged from
 * the bookworm main amd64 index (bash, libc6, perl-base, python3-six, mawk, gawk, ca-certificates,
 * libssl3, tzdata, exim4-daemon-light, postfix).
 */
class PackagesIndexParserTest {

    static final IndexOrigin BOOKWORM = new IndexOrigin(
            "http://mirror.invalid/debian/", "bookworm", "bookworm", "main", "0".repeat(64));

    private static Map<String, BinaryPackage> fixture;

    static List<BinaryPackage> parseResource(String resource, IndexOrigin origin) throws IOException {
        try (Reader r = new InputStreamReader(
                PackagesIndexParserTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return new PackagesIndexParser(resource, origin).parse(r);
        }
    }

    @BeforeAll
    static void parseFixture() throws IOException {
        fixture = parseResource("/catalog/bookworm-main.Packages", BOOKWORM).stream()
                .collect(Collectors.toMap(BinaryPackage::name, Function.identity()));
    }

    private static List<BinaryPackage> parse(String text) throws IOException {
        return new PackagesIndexParser("test/Packages", BOOKWORM).parse(new StringReader(text));
    }

    private static List<String> strings(List<RelationGroup> groups) {
        return groups.stream().map(RelationGroup::toString).toList();
    }

    @Test
    void parse_realExcerpt_readsEveryEntryInOrder() throws IOException {
        assertThat(parseResource("/catalog/bookworm-main.Packages", BOOKWORM)).extracting(BinaryPackage::name)
                .containsExactly("bash", "libc6", "perl-base", "python3-six", "mawk", "gawk", "ca-certificates",
                        "libssl3", "tzdata", "exim4-daemon-light", "postfix");
    }

    @Test
    void bash_everyFieldIsRead() {
        BinaryPackage bash = fixture.get("bash");

        assertThat(bash.name()).isEqualTo("bash");
        assertThat(bash.version()).hasToString("5.2.15-2+b13");
        assertThat(bash.architecture()).isEqualTo("amd64");
        assertThat(bash.multiArch()).isEqualTo(MultiArch.FOREIGN);
        assertThat(bash.essential()).isTrue();
        assertThat(bash.priority()).isEqualTo(Priority.REQUIRED);
        assertThat(bash.section()).isEqualTo("shells");
        assertThat(bash.installedSize()).isEqualTo(7164);
        assertThat(bash.size()).isEqualTo(1490652);
        assertThat(bash.sha256()).isEqualTo("82130bb6a560cd2a7234d8018baf73f188f5dd56413d5aa0accc987b2197a6a1");
        assertThat(bash.filename()).isEqualTo("pool/main/b/bash/bash_5.2.15-2+b13_amd64.deb");
        assertThat(bash.homepage()).isEqualTo("http://tiswww.case.edu/php/chet/bash/bashtop.html");
        assertThat(bash.shortDescription()).isEqualTo("GNU Bourne Again SHell");
        assertThat(bash.longDescription()).as("main indexes carry only Description-md5").isEmpty();
        assertThat(bash.origin()).isSameAs(BOOKWORM);
        assertThat(bash.id()).isEqualTo("bash=5.2.15-2+b13:amd64");
        assertThat(bash).hasToString("bash 5.2.15-2+b13 [amd64]");
    }

    @Test
    void bash_sourceWithVersion_givesTheSourceVersionOfABinNmu() {
        BinaryPackage bash = fixture.get("bash");

        assertThat(bash.source()).isEqualTo("bash");
        assertThat(bash.sourceVersion()).hasToString("5.2.15-2");
        assertThat(bash.sourceVersion()).isLessThan(bash.version());
    }

    @Test
    void bash_everyRelationField() {
        BinaryPackage bash = fixture.get("bash");

        assertThat(strings(bash.depends())).containsExactly("base-files (>= 2.1.12)", "debianutils (>= 5.6-0.1)");
        assertThat(strings(bash.preDepends())).containsExactly("libc6 (>= 2.36)", "libtinfo6 (>= 6)");
        assertThat(strings(bash.recommends())).containsExactly("bash-completion (>= 20060301-0)");
        assertThat(strings(bash.suggests())).containsExactly("bash-doc");
        assertThat(strings(bash.conflicts())).containsExactly("bash-completion (<< 20060301-0)");
        assertThat(strings(bash.replaces())).containsExactly("bash-completion (<< 20060301-0)", "bash-doc (<= 2.05-1)");
        assertThat(bash.breaks()).isEmpty();
        assertThat(bash.provides()).isEmpty();
    }

    @Test
    void libc6_sourceWithoutVersion_andMultiArchSame() {
        BinaryPackage libc6 = fixture.get("libc6");

        assertThat(libc6.source()).isEqualTo("glibc");
        assertThat(libc6.sourceVersion()).isEqualTo(libc6.version());
        assertThat(libc6.multiArch()).isEqualTo(MultiArch.SAME);
        assertThat(libc6.essential()).isFalse();
        assertThat(libc6.priority()).isEqualTo(Priority.OPTIONAL);
        assertThat(libc6.section()).isEqualTo("libs");
    }

    @Test
    void libc6_breaksWithEpochsAndTildes_andSuggestsWithAlternatives() {
        BinaryPackage libc6 = fixture.get("libc6");

        assertThat(libc6.breaks()).hasSize(27);
        assertThat(strings(libc6.breaks())).contains("openssh-server (<< 1:8.1p1-5)", "firefox (<< 91~)",
                "ioquake3 (<< 1.36+u20200211.f2c61c1~dfsg-2~)");
        assertThat(strings(libc6.suggests())).containsExactly(
                "glibc-doc", "debconf | debconf-2.0", "libc-l10n", "locales", "libnss-nis", "libnss-nisplus");
        assertThat(strings(libc6.recommends())).containsExactly("libidn2-0 (>= 2.0.5~)");
        assertThat(strings(libc6.replaces())).containsExactly("libc6-amd64");
    }

    @Test
    void perlBase_versionedProvides_includingEpochs() {
        BinaryPackage perl = fixture.get("perl-base");

        assertThat(perl.provides()).extracting(PackageRelation::toString).containsExactly(
                "libfile-path-perl (= 2.18)", "libfile-temp-perl (= 0.2311)", "libio-socket-ip-perl (= 0.41)",
                "libscalar-list-utils-perl (= 1:1.62)", "libsocket-perl (= 2.033)", "libxsloader-perl (= 0.31)",
                "perlapi-5.36.0");
        assertThat(perl.provides().get(3).version().epoch()).isEqualTo(1);
        assertThat(perl.provides().get(6).isVersioned()).isFalse();
        assertThat(perl.essential()).isTrue();
        assertThat(perl.conflicts()).hasSize(5);
        assertThat(perl.source()).isEqualTo("perl");
    }

    @Test
    void python3Six_archAllAndAnyQualifier() {
        BinaryPackage six = fixture.get("python3-six");

        assertThat(six.architecture()).isEqualTo("all");
        assertThat(six.depends()).singleElement().satisfies(g -> {
            PackageRelation r = g.alternatives().get(0);
            assertThat(r.name()).isEqualTo("python3");
            assertThat(r.archQualifier()).isEqualTo("any");
            assertThat(r.isVersioned()).isFalse();
        });
    }

    @Test
    void priorities_andEpochVersionsOfTheFixture() {
        assertThat(fixture.get("ca-certificates").priority()).isEqualTo(Priority.STANDARD);
        assertThat(fixture.get("ca-certificates").homepage()).isEmpty();
        assertThat(fixture.get("gawk").version().epoch()).isEqualTo(1);
        assertThat(fixture.get("postfix").preDepends()).extracting(RelationGroup::toString)
                .containsExactly("init-system-helpers (>= 1.54~)");
    }

    @Test
    void repeatedStrings_areShared() {
        assertThat(fixture.get("bash").architecture()).isSameAs(fixture.get("libc6").architecture());
        assertThat(fixture.get("libssl3").source()).isEqualTo("openssl");
    }

    @Test
    void description_withLongPart_splitsAtTheFirstLine() throws IOException {
        BinaryPackage p = parse("""
                Package: hello
                Version: 2.10-3
                Architecture: amd64
                Description: example package based on GNU hello
                 The GNU hello program produces a familiar, friendly greeting.
                 .
                 It allows non-programmers to use a classic computer science tool.
                """).get(0);

        assertThat(p.shortDescription()).isEqualTo("example package based on GNU hello");
        assertThat(p.longDescription()).isEqualTo("The GNU hello program produces a familiar, friendly greeting.\n"
                + ".\nIt allows non-programmers to use a classic computer science tool.");
    }

    @Test
    void minimalEntry_getsDefaultsForOptionalFields() throws IOException {
        BinaryPackage p = parse("Package: tiny\nVersion: 1\nArchitecture: all\n").get(0);

        assertThat(p.multiArch()).isEqualTo(MultiArch.NO);
        assertThat(p.essential()).isFalse();
        assertThat(p.priority()).isEqualTo(Priority.UNKNOWN);
        assertThat(p.section()).isEmpty();
        assertThat(p.installedSize()).isZero();
        assertThat(p.size()).isZero();
        assertThat(p.sha256()).isEmpty();
        assertThat(p.filename()).isEmpty();
        assertThat(p.source()).isEqualTo("tiny");
        assertThat(p.sourceVersion()).isEqualTo(p.version());
        assertThat(p.depends()).isEmpty();
        assertThat(p.shortDescription()).isEmpty();
        assertThat(p.longDescription()).isEmpty();
        assertThat(p.homepage()).isEmpty();
    }

    @Test
    void multiArchAllowed_priorityImportantAndExtra_essentialNo() throws IOException {
        List<BinaryPackage> ps = parse("""
                Package: a
                Version: 1
                Architecture: amd64
                Multi-Arch: allowed
                Priority: important
                Essential: no

                Package: b
                Version: 1
                Architecture: amd64
                Priority: extra
                """);

        assertThat(ps.get(0).multiArch()).isEqualTo(MultiArch.ALLOWED);
        assertThat(ps.get(0).priority()).isEqualTo(Priority.IMPORTANT);
        assertThat(ps.get(0).essential()).isFalse();
        assertThat(ps.get(1).priority()).isEqualTo(Priority.EXTRA);
    }

    @Test
    void parse_streamsEntriesToTheSink() throws IOException {
        List<String> names = new ArrayList<>();
        new PackagesIndexParser("x", BOOKWORM).parse(
                new StringReader("Package: a\nVersion: 1\nArchitecture: all\n\nPackage: b\nVersion: 2\nArchitecture: all\n"),
                p -> names.add(p.name()));

        assertThat(names).containsExactly("a", "b");
    }

    private static final String GOOD = "Package: good\nVersion: 1\nArchitecture: all\n\n";

    private static void assertFails(String secondEntry, String message) {
        assertThatThrownBy(() -> parse(GOOD + secondEntry))
                .isInstanceOf(IndexFormatException.class)
                .hasMessage(message);
    }

    @Test
    void entryWithoutPackage_failsNamingIndexAndLine() {
        assertFails("Version: 1\nArchitecture: all\n", "test/Packages, line 5: entry without a Package name");
    }

    @Test
    void entryWithoutVersion_failsNamingIndexLineAndPackage() {
        assertFails("Package: bad\nArchitecture: all\n",
                "test/Packages, line 5, package bad: missing or empty Version field");
    }

    @Test
    void entryWithoutArchitecture_fails() {
        assertFails("Package: bad\nVersion: 1\nArchitecture: \n",
                "test/Packages, line 5, package bad: missing or empty Architecture field");
    }

    @Test
    void badVersion_failsQuotingIt() {
        assertFails("Package: bad\nVersion: 1.0-\nArchitecture: all\n",
                "test/Packages, line 5, package bad: version '1.0-' has an empty revision after '-'");
    }

    @Test
    void badRelation_failsNamingTheField() {
        assertFails("Package: bad\nVersion: 1\nArchitecture: all\nRecommends: foo (>= 1.0\n",
                "test/Packages, line 5, package bad: Recommends: unclosed '(' in relation 'foo (>= 1.0' of 'foo (>= 1.0'");
    }

    @Test
    void badInstalledSize_fails() {
        assertFails("Package: bad\nVersion: 1\nArchitecture: all\nInstalled-Size: 12k\n",
                "test/Packages, line 5, package bad: Installed-Size '12k' is not a number");
    }

    @Test
    void badSize_fails() {
        assertFails("Package: bad\nVersion: 1\nArchitecture: all\nSize: \n",
                "test/Packages, line 5, package bad: Size '' is not a number");
    }

    @Test
    void sourceWithUnclosedParenthesis_fails() {
        assertFails("Package: bad\nSource: bash (5.2\nVersion: 1\nArchitecture: all\n",
                "test/Packages, line 5, package bad: Source 'bash (5.2' is not 'name (version)'");
    }

    @Test
    void sourceWithBadVersion_fails() {
        assertFails("Package: bad\nSource: bash ()\nVersion: 1\nArchitecture: all\n",
                "test/Packages, line 5, package bad: Source 'bash ()': empty version string");
    }

    @Test
    void providesWithAnInequality_fails() {
        assertFails("Package: bad\nVersion: 1\nArchitecture: all\nProvides: foo (>= 1)\n",
                "test/Packages, line 5, package bad: Provides 'foo (>= 1)' gives 'foo (>= 1)'; "
                        + "only exact versions '(= version)' may be provided");
    }

    @Test
    void providesWithAlternatives_fails() {
        assertFails("Package: bad\nVersion: 1\nArchitecture: all\nProvides: foo | bar\n",
                "test/Packages, line 5, package bad: Provides 'foo | bar' uses alternatives ('|'), which are not allowed");
    }

    @Test
    void syntaxError_failsNamingIndexAndLine() {
        assertThatThrownBy(() -> parse(GOOD + "Package: bad\n continued\nnonsense\n"))
                .isInstanceOf(ControlSyntaxException.class)
                .hasMessage("test/Packages, line 7: expected 'Field: value' but found 'nonsense'");
    }
}
