package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpdxExpressionParserTest {

    private final SpdxExpressionParser parser = new SpdxExpressionParser(SpdxLicenseList.bundled());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "MIT | MIT",
            "mit | MIT",
            "GPL-2.0-or-later WITH Autoconf-exception-2.0 | GPL-2.0-or-later WITH Autoconf-exception-2.0",
            "(MIT OR Apache-2.0) AND BSD-3-Clause | (MIT OR Apache-2.0) AND BSD-3-Clause",
            "MIT OR Apache-2.0 AND BSD-3-Clause | MIT OR Apache-2.0 AND BSD-3-Clause",
            "((MIT)) | MIT",
            "Apache-2.0+ | Apache-2.0+",
            "LicenseRef-GPL-2.0-or-later-with-OpenSSL-exception | LicenseRef-GPL-2.0-or-later-with-OpenSSL-exception",
            "MIT or ISC | MIT OR ISC",
    })
    void expressions_roundTrip(String text, String rendered) {
        assertThat(parser.parse(text).render()).isEqualTo(rendered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MIT OR", "(MIT", "AND MIT", "MIT WITH", "MIT )"})
    void brokenExpressions_areRefusedWithTheText(String text) {
        assertThatThrownBy(() -> parser.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an SPDX license expression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LicenseRef-GPL-2.0-or-later-with-OpenSSL-exception"})
    void anUnlistedExceptionRef_keepsItsLicenseForCategories(String text) {
        assertThat(parser.parse(text).licenseIds()).containsExactly("GPL-2.0-or-later");
    }
}
