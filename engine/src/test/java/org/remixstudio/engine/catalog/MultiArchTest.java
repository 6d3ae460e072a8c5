package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class MultiArchTest {

    @ParameterizedTest
    @CsvSource({"same, SAME", "foreign, FOREIGN", "allowed, ALLOWED", "no, NO", "' Same ', SAME", "bogus, NO"})
    void parse_fieldValue(String value, MultiArch expected) {
        assertThat(MultiArch.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parse_absentField_isNo(String value) {
        assertThat(MultiArch.parse(value)).isEqualTo(MultiArch.NO);
    }
}
