package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaxRecordsTest {

    private static String record(String key, String value) {
        return new String(new PaxRecords().add(key, value).toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void lengthCountsTheWholeRecordIncludingItsOwnDigits() {
        assertThat(record("path", "a")).isEqualTo("9 path=a\n");
        // space, key, "=", value and newline make 10 bytes; with two length digits the record is 12 long
        assertThat(record("path", "abc")).isEqualTo("12 path=abc\n");
    }

    @Test
    void lengthCrossingADigitBoundaryIsStillExact() {
        for (int n = 80; n < 110; n++) {
            String rec = record("k", "v".repeat(n));
            int declared = Integer.parseInt(rec.substring(0, rec.indexOf(' ')));
            assertThat(rec.getBytes(StandardCharsets.UTF_8)).hasSize(declared);
        }
    }

    @Test
    void lengthCountsBytesNotCharacters() {
        String rec = record("path", "café");
        int declared = Integer.parseInt(rec.substring(0, rec.indexOf(' ')));

        assertThat(rec.getBytes(StandardCharsets.UTF_8)).hasSize(declared);
    }
}
