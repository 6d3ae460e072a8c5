package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PriorityTest {

    @ParameterizedTest
    @CsvSource({"required, REQUIRED", "important, IMPORTANT", "standard, STANDARD", "optional, OPTIONAL",
            "extra, EXTRA", "' Optional ', OPTIONAL", "source, UNKNOWN"})
    void parse_fieldValue(String value, Priority expected) {
        assertThat(Priority.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parse_absentOrEmptyField_isUnknown(String value) {
        assertThat(Priority.parse(value)).isEqualTo(Priority.UNKNOWN);
    }

    @Test
    void order_isAptsMostImportantFirst_andLabelIsTheFieldValue() {
        assertThat(Priority.values()).containsExactly(Priority.REQUIRED, Priority.IMPORTANT, Priority.STANDARD,
                Priority.OPTIONAL, Priority.EXTRA, Priority.UNKNOWN);
        assertThat(Priority.OPTIONAL.label()).isEqualTo("optional");
    }
}
