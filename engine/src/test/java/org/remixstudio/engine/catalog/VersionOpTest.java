package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionOpTest {

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({
            "1.0, <<, 1.1, true", "1.1, <<, 1.1, false", "1.2, <<, 1.1, false",
            "1.0, <=, 1.1, true", "1.1, <=, 1.1, true", "1.2, <=, 1.1, false",
            "1.0, =, 1.1, false", "1.1, =, 1.1-0, true", "1.2, =, 1.1, false",
            "1.0, >=, 1.1, false", "1.1, >=, 1.1, true", "1.2, >=, 1.1, true",
            "1.0, >>, 1.1, false", "1.1, >>, 1.1, false", "1.2, >>, 1.1, true",
            "1.1~rc1, >=, 1.1, false", "1:0.1, >>, 9.9, true",
    })
    void test_comparesCandidateWithBound(String candidate, String op, String bound, boolean expected) {
        assertThat(VersionOp.parse(op).test(DebVersion.parse(candidate), DebVersion.parse(bound))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"<<, LT", "<=, LE", "<, LE", "=, EQ", ">=, GE", ">, GE", ">>, GT"})
    void parse_acceptsPolicyAndObsoleteSymbols(String symbol, VersionOp op) {
        assertThat(VersionOp.parse(symbol)).isEqualTo(op);
    }

    @ParameterizedTest
    @CsvSource({"LT, <<", "LE, <=", "EQ, =", "GE, >=", "GT, >>"})
    void symbol_isThePolicySpelling(VersionOp op, String symbol) {
        assertThat(op.symbol()).isEqualTo(symbol);
    }

    @ParameterizedTest
    @CsvSource({"==", "=>", "=<", "!=", "<>", "<<<"})
    void parse_unknownSymbol_fails(String symbol) {
        assertThatThrownBy(() -> VersionOp.parse(symbol))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown version operator '" + symbol + "'");
    }
}
