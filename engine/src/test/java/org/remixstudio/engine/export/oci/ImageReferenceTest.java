package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.remixstudio.engine.api.EngineException;

class ImageReferenceTest {

    @Test
    void parse_splitsNameAndTag() {
        assertThat(ImageReference.parse("remix/base:1.0")).isEqualTo(new ImageReference("remix/base", "1.0"));
        assertThat(ImageReference.parse("registry.example:5000/team/app:v2"))
                .isEqualTo(new ImageReference("registry.example:5000/team/app", "v2"));
        assertThat(ImageReference.parse("app")).isEqualTo(new ImageReference("app", "latest"));
        assertThat(ImageReference.parse("a__b/c-d.e:1_2.3-4").toString()).isEqualTo("a__b/c-d.e:1_2.3-4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Remix/Base:1", "remix//base:1", "-remix:1", "remix:.1", "remix:", "re mix:1", "remix/:1"})
    void parse_refusesWhatPodmanWouldRefuse(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("not valid");
    }
}
