package org.remixstudio.app.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiskSizeTest {

    @Test
    void parse_emptyOrBlank_isTheDefault() {
        assertThat(DiskSize.parse("")).isZero();
        assertThat(DiskSize.parse("   ")).isZero();
        assertThat(DiskSize.parse(null)).isZero();
    }

    @Test
    void parse_readsBinaryUnitsLikeTheCli() {
        assertThat(DiskSize.parse("4G")).isEqualTo(4L << 30);
        assertThat(DiskSize.parse("2500M")).isEqualTo(2500L << 20);
        assertThat(DiskSize.parse(" 4 GiB ")).isEqualTo(4L << 30);
        assertThat(DiskSize.parse("512mib")).isEqualTo(512L << 20);
        assertThat(DiskSize.parse("1T")).isEqualTo(1L << 40);
        assertThat(DiskSize.parse("1048576")).isEqualTo(1L << 20);
    }

    @Test
    void parse_notASize_saysHowToWriteOne() {
        assertThatThrownBy(() -> DiskSize.parse("big")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'big'").hasMessageContaining("4G").hasMessageContaining(DiskSize.DEFAULT_TEXT);
        assertThatThrownBy(() -> DiskSize.parse("-4G")).hasMessageContaining("'-4G'");
        assertThatThrownBy(() -> DiskSize.parse("4.5G")).hasMessageContaining("'4.5G'");
        assertThatThrownBy(() -> DiskSize.parse("4X")).hasMessageContaining("'4X'");
    }

    @Test
    void parse_zeroOrAbsurdlyLarge_isRefused() {
        assertThatThrownBy(() -> DiskSize.parse("0G")).hasMessageContaining("zero");
        assertThatThrownBy(() -> DiskSize.parse("99999999999999T")).hasMessageContaining("1 PiB");
        assertThatThrownBy(() -> DiskSize.parse("99999999999999999999999")).hasMessageContaining("1 PiB");
    }

    @Test
    void problem_isEmptyForASize_andTheMessageOtherwise() {
        assertThat(DiskSize.problem("4G")).isEmpty();
        assertThat(DiskSize.problem("")).isEmpty();
        assertThat(DiskSize.problem("four")).contains("'four'");
    }
}
