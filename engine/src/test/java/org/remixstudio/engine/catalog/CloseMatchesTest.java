package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloseMatchesTest {

    @Test
    void distance_countsEditsAndAdjacentTranspositionsAsOne() {
        assertThat(CloseMatches.distance("nginx", "nginx", 3)).isZero();
        assertThat(CloseMatches.distance("ngnix", "nginx", 3)).isEqualTo(1);
        assertThat(CloseMatches.distance("ngin", "nginx", 3)).isEqualTo(1);
        assertThat(CloseMatches.distance("nginxx", "nginx", 3)).isEqualTo(1);
        assertThat(CloseMatches.distance("ngonx", "nginx", 3)).isEqualTo(1);
        assertThat(CloseMatches.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(CloseMatches.distance("", "abc", 5)).isEqualTo(3);
    }

    @Test
    void distance_givesUpPastTheLimit() {
        assertThat(CloseMatches.distance("abcdefgh", "zyxwvuts", 2)).isEqualTo(3);
    }

    @Test
    void closest_ordersByDistanceThenName_andIgnoresCase() {
        List<String> names = List.of("layers", "name", "suite", "variant", "Layer");
        assertThat(CloseMatches.closest("layer", names, 3)).containsExactly("Layer", "layers");
        assertThat(CloseMatches.closest("LAYRES", names, 1)).containsExactly("layers");
        assertThat(CloseMatches.closest("packages", names, 3)).isEmpty();
    }

    @Test
    void allowedDistance_growsWithTheLength() {
        assertThat(CloseMatches.closest("ab", List.of("xy", "ac"), 3)).containsExactly("ac");
        assertThat(CloseMatches.closest("abcdefghij", List.of("abcdefgxyz", "abcdefghxy"), 3)).containsExactly("abcdefghxy", "abcdefgxyz");
    }

    @Test
    void nearest_keepsOnlyTheSmallestDistance() {
        List<String> names = List.of("nginx", "afnix", "nunit", "nginx-light");
        assertThat(CloseMatches.closest("ngnix", names, 3)).containsExactly("nginx", "afnix", "nunit");
        assertThat(CloseMatches.nearest("ngnix", names, 3)).containsExactly("nginx");
        assertThat(CloseMatches.nearest("xyzzy", names, 3)).isEmpty();
    }

    @Test
    void hint_readsAsASentence() {
        assertThat(CloseMatches.hint(List.of())).isEmpty();
        assertThat(CloseMatches.hint(List.of("a"))).isEqualTo("; did you mean 'a'?");
        assertThat(CloseMatches.hint(List.of("a", "b"))).isEqualTo("; did you mean 'a' or 'b'?");
        assertThat(CloseMatches.hint(List.of("a", "b", "c"))).isEqualTo("; did you mean 'a', 'b' or 'c'?");
    }
}
