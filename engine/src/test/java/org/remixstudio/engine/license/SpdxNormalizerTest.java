package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxNormalizerTest {

    private final SpdxNormalizer normalizer = new SpdxNormalizer(SpdxLicenseList.bundled());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "GPL-2+ | GPL-2.0-or-later",
            "GPL-2 | GPL-2.0-only",
            "GPL-2.0+ | GPL-2.0-or-later",
            "GPL-2.0 | GPL-2.0-only",
            "GPLv3+ | GPL-3.0-or-later",
            "gpl-3.0-or-later | GPL-3.0-or-later",
            "GPL | GPL-1.0-only",
            "GPL+ | GPL-1.0-or-later",
            "LGPL-2.1+ | LGPL-2.1-or-later",
            "LGPLv2.1+ | LGPL-2.1-or-later",
            "LGPL | LGPL-2.0-only",
            "LGPL-3 | LGPL-3.0-only",
            "AGPL-3+ | AGPL-3.0-or-later",
            "AGPL-3.0-only | AGPL-3.0-only",
            "GFDL-1.3+ | GFDL-1.3-or-later",
            "GFDL-NIV-1.3 | GFDL-1.3-no-invariants-only",
            "GFDL-1.3+-no-invariant | GFDL-1.3-no-invariants-or-later",
            "Expat | MIT",
            "MIT | MIT",
            "MIT/X11 | MIT",
            "public-domain | LicenseRef-public-domain",
            "Public-Domain | LicenseRef-public-domain",
            "PD | LicenseRef-public-domain",
            "BSD-3-clause | BSD-3-Clause",
            "bsd-2-CLAUSE | BSD-2-Clause",
            "BSD-3 | BSD-3-Clause",
            "zlib | Zlib",
            "ZLIB | Zlib",
            "Apache-2.0 | Apache-2.0",
            "Apache-2 | Apache-2.0",
            "Apache | Apache-1.0",
            "MPL-2.0 | MPL-2.0",
            "MPL | MPL-1.1",
            "Artistic | Artistic-1.0",
            "Artistic-2.0 | Artistic-2.0",
            "Perl | GPL-1.0-or-later OR Artistic-1.0",
            "CC0 | CC0-1.0",
            "CC0-1.0 | CC0-1.0",
            "CC-BY-SA-3.0 | CC-BY-SA-3.0",
            "CC-BY-SA-3.0+ | CC-BY-SA-3.0+",
            "ISC | ISC",
            "OpenLDAP-2.8 | OLDAP-2.8",
            "PSF | PSF-2.0",
            "Python | Python-2.0",
            "curl | curl",
            "BSL-1.0 | BSL-1.0",
            "Unicode-DFS-2016 | Unicode-DFS-2016",
            "FSFAP | FSFAP",
            "permissive | LicenseRef-permissive",
            "BSD-3-google | LicenseRef-BSD-3-google",
            "other | LicenseRef-other",
            "GPL-3+-WITH-BISON-EXCEPTION | GPL-3.0-or-later WITH Bison-exception-2.2",
            "APACHE-2-LLVM-EXCEPTIONS | Apache-2.0 WITH LLVM-exception",
    })
    void shortNames_becomeSpdx(String shortName, String spdx) {
        assertThat(normalizer.normalize(shortName).render()).isEqualTo(spdx);
    }

    @ParameterizedTest(name = "{0} with {1} exception -> {2}")
    @CsvSource(delimiter = '|', value = {
            "GPL-2+ | Autoconf | GPL-2.0-or-later WITH Autoconf-exception-2.0",
            "GPL-3+ | Autoconf | GPL-3.0-or-later WITH Autoconf-exception-3.0",
            "GPL-3+ | Bison | GPL-3.0-or-later WITH Bison-exception-2.2",
            "GPL-2+ | Libtool | GPL-2.0-or-later WITH Libtool-exception",
            "GPL-2 | Linux-syscall-note | GPL-2.0-only WITH Linux-syscall-note",
            "GPL-3+ | GCC-runtime-library | GPL-3.0-or-later WITH GCC-exception-3.1",
            "GPL-2+ | Font | GPL-2.0-or-later WITH Font-exception-2.0",
            "GPL-2+ | Classpath | GPL-2.0-or-later WITH Classpath-exception-2.0",
            "Apache-2.0 | LLVM | Apache-2.0 WITH LLVM-exception",
            "GPL-2+ | OpenSSL | LicenseRef-GPL-2.0-or-later-with-OpenSSL-exception",
            "my-license | special | LicenseRef-my-license-with-special-exception",
    })
    void exceptions_becomeWithWhereSpdxHasThem(String shortName, String exception, String spdx) {
        assertThat(normalizer.normalize(shortName, exception).render()).isEqualTo(spdx);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GPL-2+ | OpenSSL | GPL-2.0-or-later",
            "weird name! | '' | LicenseRef-weird-name",
    })
    void unknownNames_areKeptNotDropped(String shortName, String exception, String id) {
        assertThat(normalizer.normalize(shortName, exception).licenseIds()).containsExactly(id);
    }
}
