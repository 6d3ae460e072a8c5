package org.remixstudio.app.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.spec.SourceSpec;

class Deb822EntryTest {

    @Test
    void parse_readsTheFieldsOfEachStanza() {
        List<SourceSpec> sources = Deb822Entry.parse("""
                # mine
                Types: deb
                URIs: http://mirror.invalid/debian/
                Suites: trixie trixie-updates
                Components: main contrib
                Signed-By: /usr/share/keyrings/x.gpg

                Types: deb
                URIs: file:/srv/repo/
                Suites: ./
                Trusted: yes
                """);
        assertThat(sources).hasSize(2);
        assertThat(sources.get(0).suites()).containsExactly("trixie", "trixie-updates");
        assertThat(sources.get(0).components()).containsExactly("main", "contrib");
        assertThat(sources.get(0).signedBy()).isEqualTo(Optional.of("/usr/share/keyrings/x.gpg"));
        assertThat(sources.get(1).trusted()).isTrue();
        assertThat(sources.get(1).components()).isEmpty();
    }

    @Test
    void parse_namesTheMissingField() {
        assertThatThrownBy(() -> Deb822Entry.parse("Types: deb\nSuites: x")).hasMessageContaining("no URIs field");
        assertThatThrownBy(() -> Deb822Entry.parse("Types deb")).hasMessageContaining("line 1");
    }
}
