package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Dep5SynopsisTest {

    private final Dep5Synopsis synopsis = new Dep5Synopsis(new SpdxNormalizer(SpdxLicenseList.bundled()));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the examples of copyright-format 1.0 §7.2
            "GPL-2+ | GPL-2.0-or-later",
            "GPL-1+ or Artistic | GPL-1.0-or-later OR Artistic-1.0",
            "GPL-2+ and BSD-3-clause | GPL-2.0-or-later AND BSD-3-Clause",
            "A or B and C | LicenseRef-A OR LicenseRef-B AND LicenseRef-C",
            "A or B, and C | (LicenseRef-A OR LicenseRef-B) AND LicenseRef-C",
            "GPL-2+ or Artistic-2.0, and BSD-3-clause | (GPL-2.0-or-later OR Artistic-2.0) AND BSD-3-Clause",
            "GPL-2+ with OpenSSL exception | LicenseRef-GPL-2.0-or-later-with-OpenSSL-exception",
            "GPL-3+ with Autoconf exception | GPL-3.0-or-later WITH Autoconf-exception-3.0",
            // what real files do
            "LGPL-3+ or GPL-2+ | LGPL-3.0-or-later OR GPL-2.0-or-later",
            "GPL-2+ and/or LGPL-2+ | GPL-2.0-or-later OR LGPL-2.0-or-later",
            "BSD-3-clause, GPL-2 | BSD-3-Clause AND GPL-2.0-only",
            "Expat or GPL-1+ or Artistic | MIT OR GPL-1.0-or-later OR Artistic-1.0",
            "public domain | LicenseRef-public-domain",
            "GPL-2+ (with OpenSSL exception) | LicenseRef-GPL-2.0-or-later-with-OpenSSL-exception",
            "GPL-2 with Linux-syscall-note exception | GPL-2.0-only WITH Linux-syscall-note",
            "BSL-1.0 and MIT | BSL-1.0 AND MIT",
            "LGPLv3+_or_GPLv2+ | LGPL-3.0-or-later OR GPL-2.0-or-later",
            "Perl | GPL-1.0-or-later OR Artistic-1.0",
            "GPL-2+ & BSD-2-clause | GPL-2.0-or-later AND BSD-2-Clause",
    })
    void synopsis_becomesExpression(String line, String expected) {
        assertThat(synopsis.parse(line)).map(SpdxExpression::render).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Permission to use, copy, modify, and distribute this software and its",
            "This software is provided 'as-is', without any express or implied",
            "",
            "GPL-2+ or",
            "Redistribution and use in source and binary forms, with or without",
    })
    void textInsteadOfShortNames_isNotAnExpression(String line) {
        assertThat(synopsis.parse(line)).isEqualTo(Optional.empty());
    }
}
