package org.remixstudio.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SizeTextTest {

    /** The formatting SizeText replaced, for comparison. */
    private static String viaFormat(long bytes) {
        double v = Math.abs(bytes);
        String sign = bytes < 0 ? "-" : "";
        if (v < 1000) {
            return sign + (long) v + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return sign + String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    @Test
    void bytes_readsLikeApt() {
        assertThat(SizeText.bytes(0)).isEqualTo("0 B");
        assertThat(SizeText.bytes(999)).isEqualTo("999 B");
        assertThat(SizeText.bytes(1000)).isEqualTo("1.0 kB");
        assertThat(SizeText.bytes(41_200_000)).isEqualTo("41.2 MB");
        assertThat(SizeText.bytes(-800_000)).isEqualTo("-800 kB");
        assertThat(SizeText.kib(8860)).isEqualTo("9.1 MB");
        assertThat(SizeText.delta(0)).isEqualTo("±0 B");
        assertThat(SizeText.delta(12_300_000)).isEqualTo("+12.3 MB");
    }

    @Test
    void bytes_roundsExactlyAsStringFormatDid_onHalfwayAndRandomSizes() {
        for (long b : new long[] {1_050, 1_150, 1_450, 2_500, 9_950, 99_950, 999_500, 1_000_000, 149_950_000}) {
            assertThat(SizeText.bytes(b)).as("%d bytes", b).isEqualTo(viaFormat(b));
        }
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long b = (long) (random.nextDouble() * 2e13) * (random.nextBoolean() ? 1 : -1);
            assertThat(SizeText.bytes(b)).as("%d bytes", b).isEqualTo(viaFormat(b));
        }
    }

    @Test
    void count_groupsThousandsWithCommas() {
        for (long n : new long[] {0, 7, 999, 1_000, 63_440, 1_234_567, -1_000, Long.MAX_VALUE}) {
            assertThat(SizeText.count(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }
}
