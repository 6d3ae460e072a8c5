package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOverrideTest {

    private static final String HOST = """
            Types: deb
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb
            URIs: http://mirror.example/debian-security
            Suites: bookworm-security
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb
            URIs: https://vendor.example/apt
            Suites: stable
            Components: main
            """;

    private static List<AptSource> host() throws IOException {
        return new Deb822SourcesParser("debian.sources").parse(new StringReader(HOST));
    }

    @Test
    void replacesTheCodenamePrefix_keepingUrisAndKeyrings() throws IOException {
        List<AptSource> out = new SuiteOverride("trixie").apply(host());

        assertThat(out.get(0).suites()).containsExactly("trixie", "trixie-updates");
        assertThat(out.get(1).suites()).containsExactly("trixie-security");
        assertThat(out.get(1).uris()).isEqualTo(host().get(1).uris());
        assertThat(out.get(1).signedBy()).isEqualTo(host().get(1).signedBy());
        assertThat(out.get(2).suites()).containsExactly("stable");
    }

    @Test
    void developmentSuites_dropTheCompanionSuites() throws IOException {
        List<AptSource> out = new SuiteOverride("sid").apply(host());

        assertThat(out).hasSize(2);
        assertThat(out.get(0).suites()).containsExactly("sid");
        assertThat(out.get(1).suites()).containsExactly("stable");
    }

    @Test
    void theSameSuite_changesNothing() throws IOException {
        assertThat(new SuiteOverride("bookworm").apply(host())).isEqualTo(host());
    }

    @Test
    void aSuiteNameIsRequired() {
        assertThatThrownBy(() -> new SuiteOverride(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuiteOverride("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
