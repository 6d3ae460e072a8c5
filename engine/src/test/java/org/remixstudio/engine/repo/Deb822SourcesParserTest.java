package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.EngineException;

class Deb822SourcesParserTest {

    private static List<AptSource> parse(String text) throws IOException {
        return new Deb822SourcesParser("/etc/apt/sources.list.d/test.sources").parse(new StringReader(text));
    }

    @Test
    void parsesEveryFieldOfAStanza() throws IOException {
        List<AptSource> sources = parse("""
                # the main archive
                Types: deb deb-src
                URIs: http://mirror.example/debian https://other.example/debian/
                Suites: bookworm bookworm-updates
                Components: main contrib
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                Architectures: amd64 arm64
                Trusted: no
                Check-Valid-Until: no
                """);

        assertThat(sources).hasSize(1);
        AptSource s = sources.get(0);
        assertThat(s.types()).containsExactly("deb", "deb-src");
        assertThat(s.uris()).containsExactly("http://mirror.example/debian/", "https://other.example/debian/");
        assertThat(s.suites()).containsExactly("bookworm", "bookworm-updates");
        assertThat(s.components()).containsExactly("main", "contrib");
        assertThat(s.signedBy().keyrings()).containsExactly(Path.of("/usr/share/keyrings/debian-archive-keyring.gpg"));
        assertThat(s.architectures()).containsExactly("amd64", "arm64");
        assertThat(s.trusted()).isFalse();
        assertThat(s.checkValidUntil()).isFalse();
        assertThat(s.location()).isEqualTo(new SourceLocation("/etc/apt/sources.list.d/test.sources", 2));
        assertThat(s.suiteTargets()).hasSize(4);
        assertThat(s.suiteTargets().get(1).displayName()).isEqualTo("http://mirror.example/debian/ bookworm-updates");
    }

    @Test
    void disabledStanzas_areSkipped_andLineNumbersFollowTheFile() throws IOException {
        List<AptSource> sources = parse("""
                Types: deb
                URIs: http://a.example/debian
                Suites: stable
                Components: main
                Enabled: no

                Types: deb
                URIs: http://b.example/debian
                Suites: stable
                Components: main
                Trusted: yes
                """);

        assertThat(sources).singleElement().satisfies(s -> {
            assertThat(s.uris()).containsExactly("http://b.example/debian/");
            assertThat(s.trusted()).isTrue();
            assertThat(s.location().line()).isEqualTo(7);
        });
    }

    @Test
    void inlineSignedByKey_keepsTheArmorWithDotLinesAsEmptyLines() throws IOException {
        List<AptSource> sources = parse("""
                Types: deb
                URIs: http://a.example/debian
                Suites: stable
                Components: main
                Signed-By:
                 -----BEGIN PGP PUBLIC KEY BLOCK-----
                 .
                 mDMEZ0example
                 -----END PGP PUBLIC KEY BLOCK-----
                """);

        assertThat(sources.get(0).signedBy().inlineKey()).isEqualTo(
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZ0example\n-----END PGP PUBLIC KEY BLOCK-----\n");
    }

    @Test
    void signedByFingerprints_areUnderstood() throws IOException {
        List<AptSource> sources = parse("""
                Types: deb
                URIs: http://a.example/debian
                Suites: stable
                Components: main
                Signed-By: 4cb50190207b4758a3f73a796ed0e7b82643e131!
                """);

        assertThat(sources.get(0).signedBy().fingerprints()).containsExactly("4CB50190207B4758A3F73A796ED0E7B82643E131");
    }

    @Test
    void missingSuites_isAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> parse("""

                Types: deb
                URIs: http://a.example/debian
                Components: main
                """))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("/etc/apt/sources.list.d/test.sources, line 2")
                .hasMessageContaining("Suites");
    }

    @Test
    void unknownType_unsupportedScheme_andBadSyntax_areErrorsNamingTheLine() {
        assertThatThrownBy(() -> parse("Types: rpm\nURIs: http://a.example/\nSuites: s\nComponents: main\n"))
                .hasMessageContaining("line 1").hasMessageContaining("unknown type 'rpm'");
        assertThatThrownBy(() -> parse("Types: deb\nURIs: ftp://a.example/\nSuites: s\nComponents: main\n"))
                .hasMessageContaining("line 1").hasMessageContaining("unsupported scheme");
        assertThatThrownBy(() -> parse("Types: deb\nthis is not a field\n"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("test.sources, line 2");
        assertThatThrownBy(() -> parse("Types: deb\nURIs: http://a.example/\nSuites: s\nComponents: main\nTrusted: maybe\n"))
                .hasMessageContaining("Trusted must be yes or no");
    }

    @Test
    void exactPathSuites_takeNoComponents_andOthersNeedOne() {
        assertThatThrownBy(() -> parse("Types: deb\nURIs: http://a.example/\nSuites: ./\nComponents: main\n"))
                .hasMessageContaining("exact path");
        assertThatThrownBy(() -> parse("Types: deb\nURIs: http://a.example/\nSuites: stable\n"))
                .hasMessageContaining("needs at least one component");
    }
}
