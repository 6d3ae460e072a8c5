package org.remixstudio.engine.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParagraphTest {

    @Test
    void get_isCaseInsensitive() {
        Paragraph p = new Paragraph(Map.of("Multi-Arch", "same"), 1);

        assertThat(p.get("Multi-Arch")).contains("same");
        assertThat(p.get("multi-arch")).contains("same");
        assertThat(p.get("MULTI-ARCH")).contains("same");
    }

    @Test
    void get_missingField_isEmptyOrFallback() {
        Paragraph p = new Paragraph(Map.of("A", "1"), 1);

        assertThat(p.get("B")).isEmpty();
        assertThat(p.get("B", "fallback")).isEqualTo("fallback");
        assertThat(p.get("a", "fallback")).isEqualTo("1");
    }

    @Test
    void fields_keepInsertionOrder_andAreACopyThatCannotChange() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("Z", "1");
        source.put("A", "2");
        Paragraph p = new Paragraph(source, 3);
        source.put("B", "3");

        assertThat(p.fields()).containsExactly(Map.entry("Z", "1"), Map.entry("A", "2"));
        assertThatThrownBy(() -> p.fields().put("C", "4")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void equality_isByFieldsAndLine() {
        Map<String, String> m = new HashMap<>(Map.of("A", "1"));
        assertThat(new Paragraph(m, 1)).isEqualTo(new Paragraph(Map.of("A", "1"), 1))
                .isNotEqualTo(new Paragraph(Map.of("A", "1"), 2));
    }
}
