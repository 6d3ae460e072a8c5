package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenseTextDetectorTest {

    private final LicenseTextDetector detector = new LicenseTextDetector(new SpdxNormalizer(SpdxLicenseList.bundled()));

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "This program is free software; you can redistribute it and/or modify it under the terms of the GNU General"
                    + " Public License as published by the Free Software Foundation; either version 2 of the License, or"
                    + " (at your option) any later version. | GPL-2.0-or-later",
            "under the terms of the GNU General Public License version 3 as published by the Free Software Foundation."
                    + " | GPL-3.0-only",
            "is free software; you can redistribute it under the terms of the GNU Lesser General Public License as"
                    + " published by the Free Software Foundation; either version 2.1 of the License, or (at your option)"
                    + " any later version. | LGPL-2.1-or-later",
            "licensed under the GNU Library General Public License, version 2 | LGPL-2.0-only",
            "under the terms of the GNU Affero General Public License as published by the Free Software Foundation,"
                    + " either version 3 of the License, or (at your option) any later version. | AGPL-3.0-or-later",
            "Licensed under GPL v3 or later | GPL-3.0-or-later",
            "distributed under the GPL-2+ | GPL-2.0-or-later",
            "On Debian systems, the full text is in /usr/share/common-licenses/GPL-3. | GPL-3.0-only",
            "On Debian systems, see /usr/share/common-licenses/Apache-2.0 | Apache-2.0",
            "see `/usr/share/common-licenses/BSD' | BSD-3-Clause",
            "Licensed under the Apache License, Version 2.0 (the \"License\"); | Apache-2.0",
            "Permission is hereby granted, free of charge, to any person obtaining a copy of this software | MIT",
            "Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is"
                    + " hereby granted | ISC",
            "Redistribution and use in source and binary forms, with or without modification, are permitted provided"
                    + " that the following conditions are met: 1. Redistributions of source code must retain the above"
                    + " copyright notice. 2. Redistributions in binary form must reproduce the above copyright notice."
                    + " | BSD-2-Clause",
            "Redistribution and use in source and binary forms, with or without modification, are permitted. 3. Neither"
                    + " the name of the University nor the names of its contributors may be used to endorse or promote"
                    + " products | BSD-3-Clause",
            "Redistribution and use in source and binary forms ... 3. All advertising materials mentioning features or"
                    + " use of this software must display the following acknowledgement | BSD-4-Clause",
            "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. | MPL-2.0",
            "You can redistribute it and/or modify it under the same terms as Perl itself."
                    + " | GPL-1.0-or-later OR Artistic-1.0",
            "released under the Artistic License 2.0 | Artistic-2.0",
            "Permission is granted to anyone to use this software for any purpose, including commercial applications,"
                    + " and to alter it and redistribute it freely | Zlib",
            "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2 | PSF-2.0",
            "This product includes software developed by the OpenSSL Project for use in the OpenSSL Toolkit | OpenSSL",
            "The author has placed this work in the public domain. | LicenseRef-public-domain",
            "Boost Software License - Version 1.0 | BSL-1.0",
            "This program and the accompanying materials are made available under the terms of the Common Public"
                    + " License v1.0 | CPL-1.0",
            "made available under the terms of the Eclipse Public License v2.0 | EPL-2.0",
            "PROVIDED UNDER THE TERMS OF THIS IBM PUBLIC LICENSE (\"AGREEMENT\") | IPL-1.0",
            "Released under the terms of the GPL; see /usr/share/common-licenses/GPL-3. | GPL-3.0-only",
            "a copy of which may be found at /usr/share/common-licenses/GPL | GPL-1.0-or-later",
            "licensed under the GNU Free Documentation License, Version 1.3 or any later version | GFDL-1.3-or-later",
    })
    void licenseTexts_areRecognised(String text, String spdx) {
        List<LicenseTextDetector.Detection> found = detector.detect(text);
        assertThat(found).extracting(d -> d.expression().render()).contains(spdx);
    }

    @org.junit.jupiter.api.Test
    void aGrantInTheUsualWords_outranksAPassingMention() {
        List<LicenseTextDetector.Detection> found = detector.detect("Combine it with software released under the GPL."
                + " PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2");
        assertThat(found).extracting(d -> d.expression().render(), LicenseTextDetector.Detection::strength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GPL-1.0-or-later", LicenseTextDetector.Detection.GRANT),
                        org.assertj.core.groups.Tuple.tuple("PSF-2.0", LicenseTextDetector.Detection.STRONG_GRANT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "It doesn't mean that we're distributing Python under the GPL.",
            "Most Python releases are GPL-compatible; the table below",
            "Copyright 2001 Someone. All rights reserved.",
    })
    void mereMentions_areNoGrant(String text) {
        assertThat(detector.detect(text)).noneMatch(LicenseTextDetector.Detection::grant);
    }
}
