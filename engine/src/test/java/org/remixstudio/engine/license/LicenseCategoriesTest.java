package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LicenseCategoriesTest {

    private static final SpdxLicenseList LIST = SpdxLicenseList.bundled();
    private final LicenseCategories categories = LicenseCategories.bundled();
    private final SpdxExpressionParser parser = new SpdxExpressionParser(LIST);

    static Stream<Arguments> entries() {
        return LicenseCategories.bundled().table().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** Every line of license-categories.txt: a current SPDX id (or a LicenseRef the engine makes), read back alike. */
    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("entries")
    void everyEntry_isAKnownIdWithItsCategory(String id, LicenseCategory category) {
        if (!LicenseRefs.isRef(id)) {
            assertThat(LIST.license(id)).as("SPDX spelling of " + id).contains(id);
            assertThat(LIST.isDeprecated(id)).as(id + " is deprecated").isFalse();
        }
        assertThat(categories.of(id)).isEqualTo(category);
        assertThat(categories.of(parser.parse(id))).isEqualTo(category);
    }

    @Test
    void theTable_coversEveryCategoryButUnknown() {
        assertThat(categories.table().values()).doesNotContain(LicenseCategory.UNKNOWN).hasSizeGreaterThan(150)
                .contains(LicenseCategory.PUBLIC_DOMAIN, LicenseCategory.PERMISSIVE, LicenseCategory.WEAK_COPYLEFT,
                        LicenseCategory.STRONG_COPYLEFT, LicenseCategory.NETWORK_COPYLEFT, LicenseCategory.NON_FREE);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "GPL-2.0-or-later | strong-copyleft",
            "GPL-2.0+ | strong-copyleft",
            "MIT OR GPL-2.0-only | permissive",
            "MIT AND GPL-2.0-only | strong-copyleft",
            "LGPL-2.1-or-later AND AGPL-3.0-only | network-copyleft",
            "GPL-2.0-or-later WITH Autoconf-exception-2.0 | strong-copyleft",
            "LicenseRef-GPL-2.0-or-later-with-OpenSSL-exception | strong-copyleft",
            "LicenseRef-something | unknown",
            "LicenseRef-something OR MIT | permissive",
            "LicenseRef-something AND MIT | unknown",
            "CC-BY-NC-4.0 AND LicenseRef-x | non-free",
            "LicenseRef-public-domain | public-domain",
    })
    void expressions_takeTheLeastRestrictiveChoiceAndTheMostRestrictiveCombination(String expression, String category) {
        assertThat(categories.of(parser.parse(expression)).id()).isEqualTo(category);
    }

    @Test
    void categoryNames_areReadInAnySpelling() {
        assertThat(LicenseCategory.byId("Strong Copyleft")).contains(LicenseCategory.STRONG_COPYLEFT);
        assertThat(LicenseCategory.byId("non_free")).contains(LicenseCategory.NON_FREE);
        assertThat(LicenseCategory.byId("copyleft")).isEmpty();
    }
}
