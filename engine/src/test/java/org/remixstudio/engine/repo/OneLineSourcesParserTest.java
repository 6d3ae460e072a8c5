package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.EngineException;

class OneLineSourcesParserTest {

    private static List<AptSource> parse(String text) throws IOException {
        return new OneLineSourcesParser("/etc/apt/sources.list").parse(new StringReader(text));
    }

    @Test
    void parsesEntriesWithOptions_andSkipsComments() throws IOException {
        List<AptSource> sources = parse("""
                # the archive
                deb [signed-by=/usr/share/keyrings/a.gpg arch=amd64,arm64 trusted=yes] http://a.example/debian bookworm main contrib # trailing

                   deb-src http://a.example/debian bookworm main
                deb [ check-valid-until=no lang=de ] https://b.example/debian bookworm-security main
                """);

        assertThat(sources).hasSize(3);
        AptSource first = sources.get(0);
        assertThat(first.types()).containsExactly("deb");
        assertThat(first.uris()).containsExactly("http://a.example/debian/");
        assertThat(first.suites()).containsExactly("bookworm");
        assertThat(first.components()).containsExactly("main", "contrib");
        assertThat(first.signedBy().keyrings()).containsExactly(Path.of("/usr/share/keyrings/a.gpg"));
        assertThat(first.architectures()).containsExactly("amd64", "arm64");
        assertThat(first.trusted()).isTrue();
        assertThat(first.location()).isEqualTo(new SourceLocation("/etc/apt/sources.list", 2));
        assertThat(sources.get(1).types()).containsExactly("deb-src");
        assertThat(sources.get(1).isBinary()).isFalse();
        assertThat(sources.get(1).location().line()).isEqualTo(4);
        assertThat(sources.get(2).checkValidUntil()).isFalse();
        assertThat(sources.get(2).signedBy().isNone()).isTrue();
    }

    @Test
    void flatRepository_hasNoComponents() throws IOException {
        AptSource s = parse("deb [trusted=yes] file:///srv/repo ./\n").get(0);

        assertThat(s.suites()).containsExactly("./");
        assertThat(s.components()).isEmpty();
        assertThat(s.suiteTargets().get(0).isFlat()).isTrue();
        assertThat(s.suiteTargets().get(0).releaseDir()).isEmpty();
    }

    @Test
    void archMinusIsIgnored_andArchPlusAdds() throws IOException {
        assertThat(parse("deb [arch-=i386] http://a.example/ s main\n").get(0).architectures()).isEmpty();
        assertThat(parse("deb [arch+=i386] http://a.example/ s main\n").get(0).architectures()).containsExactly("i386");
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> parse("\n\ndeb http://a.example/debian\n"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("/etc/apt/sources.list, line 3")
                .hasMessageContaining("missing suite");
        assertThatThrownBy(() -> parse("deb [arch=amd64 http://a.example/debian stable main\n"))
                .hasMessageContaining("line 1").hasMessageContaining("not closed");
        assertThatThrownBy(() -> parse("deb [trusted] http://a.example/debian stable main\n"))
                .hasMessageContaining("not of the form name=value");
        assertThatThrownBy(() -> parse("deb http://a.example/debian stable\n"))
                .hasMessageContaining("needs at least one component");
        assertThatThrownBy(() -> parse("deb [signed-by=keys.gpg] http://a.example/debian stable main\n"))
                .hasMessageContaining("neither an absolute keyring path nor a full key fingerprint");
        assertThatThrownBy(() -> parse("rpm http://a.example/ stable main\n"))
                .hasMessageContaining("unknown type 'rpm'");
    }
}
