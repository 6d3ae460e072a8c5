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
    void parentsFirst_comparesEachComponentAsAString() {
        // components that are prefixes of each other, non-ASCII names and names with chars below '/'
        List<String> components = List.of("a", "ab", "a-b", "a.b", "b", "é", "z", "a!", "A");
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 2_000; n++) {
            String x = randomPath(random, components);
            String y = randomPath(random, components);
            assertThat(Integer.signum(TreePaths.PARENTS_FIRST.compare(x, y)))
                    .as("%s vs %s", x, y)
                    .isEqualTo(Integer.signum(byComponentStrings(x, y)));
        }
    }

    private static String randomPath(java.util.Random random, List<String> components) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(3); k >= 0; k--) {
            sb.append(sb.length() == 0 ? "" : "/").append(components.get(random.nextInt(components.size())));
        }
        return sb.toString();
    }

    private static int byComponentStrings(String x, String y) {
        String[] a = x.split("/");
        String[] b = y.split("/");
        for (int k = 0; k < Math.min(a.length, b.length); k++) {
            int c = a[k].compareTo(b[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
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
