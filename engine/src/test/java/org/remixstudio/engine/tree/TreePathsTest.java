package org.remixstudio.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TreePathsTest {

    @ParameterizedTest
    @CsvSource({
            "./usr/bin/bash, usr/bin/bash",
            "./usr/share/doc/, usr/share/doc",
            "./, .",
            ".//usr//./lib/, usr/lib",
            "etc/passwd, etc/passwd",
            "a/./b/., a/b",
            "'...', '...'",
            "a/..b/c.., a/..b/c.."})
    void normalize_acceptsDebianStyleNames(String raw, String expected) {
        assertThat(TreePaths.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "./usr/../../x", "a/b/../../../c", "..", "/etc/passwd", "/", "", "a\0b"})
    void normalize_refusesPathsThatCouldLeaveTheTree(String raw) {
        assertThatThrownBy(() -> TreePaths.normalize(raw)).isInstanceOf(UnsafePathException.class);
    }

    @Test
    void normalize_explainsWhy() {
        assertThatThrownBy(() -> TreePaths.normalize("./a/../../x"))
                .hasMessageContaining("'..'")
                .extracting(e -> ((UnsafePathException) e).rawPath()).isEqualTo("./a/../../x");
        assertThatThrownBy(() -> TreePaths.normalize("/etc/x")).hasMessageContaining("absolute path");
    }

    @Test
    void parentsFirst_sortsDirectoriesBeforeTheirChildren() {
        List<String> paths = new ArrayList<>(List.of("a.b", "a/b/c", "a", ".", "a/b", "a-z", "b"));

        paths.sort(TreePaths.PARENTS_FIRST);

        assertThat(paths).containsExactly(".", "a", "a/b", "a/b/c", "a-z", "a.b", "b");
    }

    @Test
    void parentNameChildAndAncestors() {
        assertThat(TreePaths.parent("usr/bin/bash")).isEqualTo("usr/bin");
        assertThat(TreePaths.parent("usr")).isEqualTo(".");
        assertThat(TreePaths.name("usr/bin/bash")).isEqualTo("bash");
        assertThat(TreePaths.child(".", "etc")).isEqualTo("etc");
        assertThat(TreePaths.child("etc", "x")).isEqualTo("etc/x");
        assertThat(TreePaths.ancestors("a/b/c")).containsExactly("a", "a/b");
        assertThat(TreePaths.components(".")).isEmpty();
    }
}
