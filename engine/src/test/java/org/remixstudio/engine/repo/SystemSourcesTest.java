package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemSourcesTest {

    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void readsSourcesListThenTheDirectoryInNameOrder_andIgnoresOtherFiles() throws IOException {
        write("etc/apt/sources.list", "deb http://one.example/debian stable main\n");
        write("etc/apt/sources.list.d/b.sources", "Types: deb\nURIs: http://three.example/\nSuites: s\nComponents: main\n");
        write("etc/apt/sources.list.d/a.list", "deb http://two.example/ s main\n");
        write("etc/apt/sources.list.d/c.list.disabled", "deb http://never.example/ s main\n");
        write("etc/apt/sources.list.d/d.save", "garbage\n");

        List<AptSource> sources = new SystemSources(root).read();

        assertThat(sources).extracting(s -> s.uris().get(0))
                .containsExactly("http://one.example/debian/", "http://two.example/", "http://three.example/");
        assertThat(sources.get(2).location().file()).endsWith("etc/apt/sources.list.d/b.sources");
    }

    @Test
    void emptyRoot_hasNoSources_andNoKeyrings() {
        assertThat(new SystemSources(root).read()).isEmpty();
        assertThat(new SystemSources(root).trustedKeyrings()).isEmpty();
    }

    @Test
    void trustedKeyrings_areTheGpgAndAscFilesOfTrustedGpgD_thenTrustedGpg() throws IOException {
        write("etc/apt/trusted.gpg", "x");
        write("etc/apt/trusted.gpg.d/b.asc", "x");
        write("etc/apt/trusted.gpg.d/a.gpg", "x");
        write("etc/apt/trusted.gpg.d/c.gpg~", "x");

        assertThat(new SystemSources(root).trustedKeyrings()).containsExactly(
                root.resolve("etc/apt/trusted.gpg.d/a.gpg"), root.resolve("etc/apt/trusted.gpg.d/b.asc"),
                root.resolve("etc/apt/trusted.gpg"));
    }

    @Test
    void aBrokenFile_isNamedInTheError() throws IOException {
        write("etc/apt/sources.list.d/broken.list", "deb http://a.example/\n");

        assertThatThrownBy(() -> new SystemSources(root).read())
                .hasMessageContaining("broken.list, line 1");
    }
}
