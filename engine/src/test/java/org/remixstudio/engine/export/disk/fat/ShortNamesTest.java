package org.remixstudio.engine.export.disk.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShortNamesTest {

    private static String shortName(String name, Set<String> taken) {
        return new String(ShortNames.generate(name, taken), StandardCharsets.US_ASCII);
    }

    private static String shortName(String name) {
        return shortName(name, new HashSet<>());
    }

    @Test
    void upperCase83Name_isItsOwnShortName_withoutLongEntries() {
        assertThat(shortName("BOOTX64.EFI")).isEqualTo("BOOTX64 EFI");
        assertThat(ShortNames.isPlainShortName("BOOTX64.EFI")).isTrue();
        assertThat(ShortNames.isPlainShortName("EFI")).isTrue();
    }

    @Test
    void lowerCaseNameThatFits83_getsNoNumericTail_butNeedsALongName() {
        assertThat(shortName("boot.cfg")).isEqualTo("BOOT    CFG");
        assertThat(shortName("loader.conf")).isEqualTo("LOADER~1CON"); // a 4-letter extension does not fit
        assertThat(shortName("vmlinuz")).isEqualTo("VMLINUZ    ");
        assertThat(ShortNames.isPlainShortName("vmlinuz")).isFalse();
    }

    @Test
    void longName_isTruncatedWithNumericTail_countingUpOnCollision() {
        Set<String> taken = new HashSet<>();
        assertThat(shortName("Long File Name.txt", taken)).isEqualTo("LONGFI~1TXT");
        assertThat(shortName("Long File Name 2.txt", taken)).isEqualTo("LONGFI~2TXT");
        assertThat(shortName("longfilename.txt", taken)).isEqualTo("LONGFI~3TXT");
    }

    @Test
    void tailGrows_primaryShrinks() {
        Set<String> taken = new HashSet<>();
        for (int i = 1; i <= 9; i++) {
            assertThat(shortName("initrd-number-" + i, taken)).isEqualTo("INITRD~" + i + "   ");
        }
        assertThat(shortName("initrd-number-10", taken)).isEqualTo("INITR~10   ");
    }

    @Test
    void basisName_stopsAtFirstPeriod_extensionFromLastPeriod_leadingPeriodsStripped() {
        assertThat(shortName("a.b.c")).isEqualTo("A~1     C  ");
        assertThat(shortName(".bashrc")).isEqualTo("BASHRC~1   ");
        assertThat(shortName("x.tar.gz")).isEqualTo("X~1     GZ ");
    }

    @Test
    void invalidShortNameCharacters_areLossy_andForceATail() {
        assertThat(shortName("a+b.txt")).isEqualTo("A_B~1   TXT");
        assertThat(shortName("Grüße.txt")).isEqualTo("GR_SSE~1TXT");
    }

    @Test
    void uppercaseNameCollidingWithATakenShortName_getsATail() {
        Set<String> taken = new HashSet<>();
        assertThat(shortName("readme.txt", taken)).isEqualTo("README  TXT");
        assertThat(shortName("read me.txt", taken)).isEqualTo("README~1TXT");
    }

    @Test
    void checksum_followsTheSpecsRotateAndAdd() {
        byte[] name = "BOOTX64 EFI".getBytes(StandardCharsets.US_ASCII);
        int expected = 0;
        for (byte b : name) {
            // fatgen103: Sum = ((Sum & 1) ? 0x80 : 0) + (Sum >> 1) + *pFcbName++ (unsigned char)
            expected = (((expected & 1) != 0 ? 0x80 : 0) + (expected >> 1) + (b & 0xff)) & 0xff;
        }
        assertThat(ShortNames.checksum(name)).isEqualTo(expected);
    }

    @Test
    void forbiddenLongNames_areRefusedNamingThePath() {
        assertThatThrownBy(() -> ShortNames.checkLongName("a:b", "EFI/a:b")).hasMessageContaining("EFI/a:b")
                .hasMessageContaining("forbids");
        assertThatThrownBy(() -> ShortNames.checkLongName("trailing.", "x/trailing.")).hasMessageContaining("period");
        assertThatThrownBy(() -> ShortNames.checkLongName("n".repeat(256), "p")).hasMessageContaining("255");
    }
}
