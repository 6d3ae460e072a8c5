package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyrightAnalyzerTest {

    private final CopyrightAnalyzer analyzer = CopyrightAnalyzer.standard();

    /** Real copyright files of bookworm packages (src/test/resources/…/license/copyright/PKG). */
    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "dpkg | DECLARED | GPL-2.0-or-later",
            "gzip | DECLARED | GPL-3.0-or-later",
            "libcap2 | DECLARED | BSD-3-Clause OR GPL-2.0-only",
            "libssl3 | DECLARED | Apache-2.0",
            "tar | DECLARED | GPL-3.0-or-later",
            "zlib1g | DECLARED | Zlib",
            "base-files | DETECTED | GPL-2.0-or-later",
            "libcrypt1 | DETECTED | LGPL-2.1-or-later",
            "libice6 | DETECTED | HPND-sell-variant",
            "libselinux1 | DETECTED | LicenseRef-public-domain",
            "python3-minimal | DETECTED | PSF-2.0",
            "qemu-utils | DETECTED | GPL-2.0-only",
    })
    void realCopyrightFiles_giveTheirMainLicense(String pkg, Evidence evidence, String spdx) throws IOException {
        CopyrightAnalysis a = analyzer.analyze(fixture(pkg));
        assertThat(a.evidence()).isEqualTo(evidence);
        assertThat(a.main()).map(SpdxExpression::render).contains(spdx);
    }

    @Test
    void allLicenses_includeEveryFilesAndStandaloneStanza() throws IOException {
        assertThat(analyzer.analyze(fixture("tar")).all())
                .containsExactly("GPL-2.0-or-later", "GPL-3.0-or-later", "LGPL-3.0-or-later");
        assertThat(analyzer.analyze(fixture("dpkg")).all())
                .contains("BSD-2-Clause", "GPL-2.0-only", "LicenseRef-public-domain-s-s-d");
    }

    @Test
    void blankLineBetweenCopyrightAndLicense_keepsTheLicenseWithItsFilesStanza() throws IOException {
        // qemu's Files: * stanza has a blank line before its License field, which holds text only
        CopyrightAnalysis a = analyzer.analyze(fixture("qemu-utils"));
        assertThat(a.all()).contains("GPL-2.0-only", "LGPL-2.0-or-later", "BSD-2-Clause");
    }

    @Test
    void dep5_mainIsTheFilesStarStanza_notTheFirst() {
        String text = """
                Format: https://example.org/copyright-format/1.0/

                Files: src/foo.c
                Copyright: 2020 A
                License: MIT

                Files: *
                Copyright: 2020 B
                License: GPL-2+

                License: GPL-2+
                 On Debian systems, see /usr/share/common-licenses/GPL-2.
                """;
        CopyrightAnalysis a = analyzer.analyze(text);
        assertThat(a.main()).map(SpdxExpression::render).contains("GPL-2.0-or-later");
        assertThat(a.all()).containsExactly("GPL-2.0-or-later", "MIT");
        assertThat(a.evidence()).isEqualTo(Evidence.DECLARED);
    }

    @Test
    void dep5_withoutFilesStar_takesTheHeaderLicense() {
        String text = "Format: https://example.org/copyright-format/1.0/\nLicense: Apache-2.0\n\n"
                + "Files: lib/*\nCopyright: x\nLicense: MIT\n";
        CopyrightAnalysis a = analyzer.analyze(text);
        assertThat(a.main()).map(SpdxExpression::render).contains("Apache-2.0");
        assertThat(a.reason()).contains("header");
    }

    @Test
    void dep5_withTextInsteadOfShortName_isDetectedFromTheText() {
        String text = "Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\n"
                + "License: Permission is hereby granted, free of charge, to any person obtaining a copy\n"
                + " of this software and associated documentation files\n";
        CopyrightAnalysis a = analyzer.analyze(text);
        assertThat(a.main()).map(SpdxExpression::render).contains("MIT");
        assertThat(a.evidence()).isEqualTo(Evidence.DETECTED);
    }

    @Test
    void sloppyDep5_withGarbageLinesAndRepeatedFields_stillParses() {
        String text = "Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\n"
                + "this line lacks its leading space\nLicense: ISC\nLicense: MIT\n# a comment\n";
        CopyrightAnalysis a = analyzer.analyze(text);
        assertThat(a.main()).map(SpdxExpression::render).contains("ISC");
    }

    @Test
    void aLicenseRefWhoseTextIsAKnownLicense_keepsItsNameButGetsThatCategory() {
        String text = """
                Format: https://example.org/copyright-format/1.0/

                Files: *
                Copyright: 1996 Julian Seward
                License: BSD-variant

                License: BSD-variant
                 Redistribution and use in source and binary forms, with or without
                 modification, are permitted provided that the following conditions are met:
                 .
                 1. Redistributions of source code must retain the above copyright notice.
                 4. The name of the author may not be used to endorse or promote products
                    derived from this software without specific prior written permission.
                """;
        CopyrightAnalysis a = analyzer.analyze(text);
        assertThat(a.main()).map(SpdxExpression::render).contains("LicenseRef-BSD-variant");
        assertThat(a.similar()).containsEntry("LicenseRef-BSD-variant", "BSD-3-Clause");
        assertThat(LicenseCategories.bundled().of(a.main().orElseThrow(), a.similar()))
                .isEqualTo(LicenseCategory.PERMISSIVE);
        assertThat(LicenseCategories.bundled().of(a.main().orElseThrow())).isEqualTo(LicenseCategory.UNKNOWN);
    }

    @Test
    void emptyOrUnrecognisedText_isUnknownWithAReason() {
        assertThat(analyzer.analyze("").evidence()).isEqualTo(Evidence.UNKNOWN);
        assertThat(analyzer.analyze("  \n").reason()).contains("empty");
        CopyrightAnalysis a = analyzer.analyze("Copyright 2020 Someone. All rights reserved.\n");
        assertThat(a.evidence()).isEqualTo(Evidence.UNKNOWN);
        assertThat(a.main()).isEmpty();
        assertThat(a.reason()).contains("free-form");
    }

    @Test
    void dep5_withALicenseNameWithSpaces_keepsTheNameAsALicenseRef() {
        String text = "Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\n"
                + "License: ACME Tools License - version 2\n Use it well.\n";
        CopyrightAnalysis a = analyzer.analyze(text);
        assertThat(a.evidence()).isEqualTo(Evidence.DECLARED);
        assertThat(a.main()).map(SpdxExpression::render).contains("LicenseRef-ACME-Tools-License-version-2");
    }

    @Test
    void dep5_withoutAnyLicenseField_isUnknown() {
        CopyrightAnalysis a = analyzer.analyze("Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\n");
        assertThat(a.evidence()).isEqualTo(Evidence.UNKNOWN);
        assertThat(a.reason()).contains("no License field");
    }

    static String fixture(String pkg) throws IOException {
        try (InputStream in = CopyrightAnalyzerTest.class.getResourceAsStream("copyright/" + pkg)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
