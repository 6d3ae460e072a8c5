package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DebVersionTest {

    private static int cmp(String a, String b) {
        return Integer.signum(DebVersion.parse(a).compareTo(DebVersion.parse(b)));
    }

    @Test
    void parse_plainUpstream_hasNoEpochAndNoRevision() {
        DebVersion v = DebVersion.parse("1.2.3");

        assertThat(v.epoch()).isZero();
        assertThat(v.upstream()).isEqualTo("1.2.3");
        assertThat(v.revision()).isEmpty();
    }

    @Test
    void parse_epochUpstreamRevision_splitsAtFirstColonAndLastHyphen() {
        DebVersion v = DebVersion.parse("1:2.30.2-1+deb12u1");

        assertThat(v.epoch()).isEqualTo(1);
        assertThat(v.upstream()).isEqualTo("2.30.2");
        assertThat(v.revision()).isEqualTo("1+deb12u1");
    }

    @Test
    void parse_hyphensInUpstream_belongToUpstream() {
        DebVersion v = DebVersion.parse("2:1.0-rc1-beta-3");

        assertThat(v.upstream()).isEqualTo("1.0-rc1-beta");
        assertThat(v.revision()).isEqualTo("3");
    }

    @Test
    void parse_colonsInUpstreamAfterTheEpoch_belongToUpstream() {
        DebVersion v = DebVersion.parse("1:2:3-4");

        assertThat(v.epoch()).isEqualTo(1);
        assertThat(v.upstream()).isEqualTo("2:3");
        assertThat(v.revision()).isEqualTo("4");
    }

    @Test
    void parse_surroundingWhitespace_isIgnored() {
        assertThat(DebVersion.parse("  1.0-1\t")).isEqualTo(DebVersion.parse("1.0-1"));
    }

    @Test
    void parse_upstreamNotStartingWithDigit_isAcceptedLikeDpkg() {
        assertThat(DebVersion.parse("a1.0").upstream()).isEqualTo("a1.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                 | empty version string",
            "'   '              | empty version string",
            ":1.0               | version ':1.0': epoch '' is not a number",
            "a:1.0              | version 'a:1.0': epoch 'a' is not a number",
            "-1:1.0             | version '-1:1.0': epoch '-1' is not a number",
            "1234567890:1       | version '1234567890:1': epoch '1234567890' is too big",
            "1:                 | version '1:' has an empty upstream part",
            "-1                 | version '-1' has an empty upstream part",
            "1:-1               | version '1:-1' has an empty upstream part",
            "1.0-               | version '1.0-' has an empty revision after '-'",
            "1.0 beta           | version '1.0 beta' has invalid character ' ' in its upstream version",
            "1_0                | version '1_0' has invalid character '_' in its upstream version",
            "1.0-1_2            | version '1.0-1_2' has invalid character '_' in its revision",
            "1.0-1/2            | version '1.0-1/2' has invalid character '/' in its revision",
            "1.0-é              | version '1.0-é' has invalid character 'é' in its revision",
    })
    void parse_malformedVersion_failsNamingTheVersion(String text, String message) {
        assertThatThrownBy(() -> DebVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void constructor_rejectsNegativeEpochAndEmptyUpstream() {
        assertThatThrownBy(() -> new DebVersion(-1, "1", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DebVersion(0, "", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DebVersion(0, "1", null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1:1.0", "1.0-1", "2:1.0-rc1-3", "1.0~rc1+dfsg-1~bpo12+1", "0.0.26-3", "1:2:3-4"})
    void toString_roundTripsCanonicalVersions(String text) {
        assertThat(DebVersion.parse(text)).hasToString(text);
    }

    @Test
    void toString_dropsAZeroEpoch() {
        assertThat(DebVersion.parse("0:1.0-1")).hasToString("1.0-1");
    }

    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource({
            // epochs win over everything
            "1:0.1,       9.9,          >",
            "2:1.0,       10:0.1,       <",
            "0:1.0,       1.0,          =",
            // numeric parts compare as numbers, leading zeros do not count
            "1.10,        1.9,          >",
            "1.001,       1.1,          =",
            "1.0,         1.00,         =",
            "10,          9,            >",
            // ~ sorts before everything, even the end of the string
            "1.0~rc1,     1.0,          <",
            "1.0~~,       1.0~~a,       <",
            "1.0~~a,      1.0~,         <",
            "1.0~,        1.0,          <",
            "1.0~rc1,     1.0~rc2,      <",
            "1.0~beta,    1.0~alpha,    >",
            "1.0~rc1-1,   1.0-1,        <",
            // letters sort before non-letters, and before digits only by the part structure
            "1.0a,        1.0+,         <",
            "1.0a,        1.0.,         <",
            "1.0+,        1.0.,         <",
            "1.0,         1.0a,         <",
            "1.0,         1.0+,         <",
            "1.0a,        1.0b,         <",
            "1.0A,        1.0a,         <",
            "1.0Z,        1.0a,         <",
            "1.0-1,       1.0+1-1,      <",
            "1.0+dfsg,    1.0.1,        <",
            // revisions
            "1.0,         1.0-0,        =",
            "1.0-1,       1.0-2,        <",
            "1.0-1,       1.0-1+b1,     <",
            "1.0-1+deb12u1, 1.0-1+deb12u2, <",
            "1.0-1~bpo12+1, 1.0-1,      <",
            "1.0-10,      1.0-9,        >",
            "1.0-1.1,     1.0-1,        >",
            // hyphens inside upstream
            "1.0-rc1-1,   1.0-1,        >",
            "1.0-1-1,     1.0-1,        >",
            // real archive pairs
            "5.2.15-2+b2, 5.2.15-2,     >",
            "2.36-9+deb12u10, 2.36-9+deb12u9, >",
            "1:9.18.33-1~deb12u2, 1:9.18.28-1~deb12u2, >",
            "252.36-1~deb12u1, 252.33-1~deb12u1, >",
            "7.88.1-10+deb12u12, 7.88.1-10+deb12u8, >",
    })
    void compareTo_followsDpkgOrder(String a, String b, String expected) {
        int sign = switch (expected) {
            case "<" -> -1;
            case "=" -> 0;
            default -> 1;
        };
        assertThat(cmp(a, b)).as("%s vs %s", a, b).isEqualTo(sign);
        assertThat(cmp(b, a)).as("%s vs %s", b, a).isEqualTo(-sign);
    }

    @Test
    void compareTo_sortsAFullLadder() {
        List<String> expected = List.of("1.0~~", "1.0~~a", "1.0~", "1.0~rc1", "1.0", "1.0-1~bpo1", "1.0-1",
                "1.0-1+b1", "1.0a", "1.0+dfsg", "1.0.1", "1.1", "1:0.1");
        List<DebVersion> shuffled = new ArrayList<>(expected.stream().map(DebVersion::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(42));
        Collections.sort(shuffled);

        assertThat(shuffled).extracting(DebVersion::toString).containsExactlyElementsOf(expected);
    }

    @Test
    void equalsIsTextualWhileCompareToIsDpkgOrder() {
        DebVersion a = DebVersion.parse("1.0");
        DebVersion b = DebVersion.parse("1.0-0");

        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isNotEqualTo(b);
        assertThat(DebVersion.parse("0:1.0")).isEqualTo(a);
    }
}
