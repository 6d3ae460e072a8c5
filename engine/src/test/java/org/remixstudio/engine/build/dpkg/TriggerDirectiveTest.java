package org.remixstudio.engine.build.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerDirectiveTest {

    @Test
    void parse_readsDirectivesAndSkipsCommentsAndBlankLines() {
        List<TriggerDirective> d = TriggerDirective.parse("# For standard directories\n\ninterest-await ldconfig\n"
                + "activate-noawait ldconfig  # trailing comment\ninterest-noawait /usr/share/debianutils/shells.d\n");
        assertThat(d).containsExactly(new TriggerDirective("interest-await", "ldconfig"),
                new TriggerDirective("activate-noawait", "ldconfig"),
                new TriggerDirective("interest-noawait", "/usr/share/debianutils/shells.d"));
        assertThat(d.get(0).isInterest()).isTrue();
        assertThat(d.get(0).noawait()).isFalse();
        assertThat(d.get(1).isInterest()).isFalse();
        assertThat(d.get(2).noawait()).isTrue();
        assertThat(d.get(2).isFileTrigger()).isTrue();
    }
}
