package org.remixstudio.engine.sbom;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;

/** A few real-looking {@code Packages} entries and their SBOM, for the writer tests. */
final class SbomFixtures {

    static final IndexOrigin ORIGIN = new IndexOrigin("http://archive.invalid/debian/", "bookworm", "bookworm", "main",
            "aa".repeat(32));
    static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    static final String PACKAGES = """
            Package: libc6
            Source: glibc
            Version: 2.36-9+deb12u9
            Architecture: amd64
            Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
            Installed-Size: 12986
            Depends: libgcc-s1
            Filename: pool/main/g/glibc/libc6_2.36-9+deb12u9_amd64.deb
            Size: 2757936
            SHA256: 1111111111111111111111111111111111111111111111111111111111111111
            Homepage: https://www.gnu.org/software/libc/libc.html
            Description: GNU C Library: Shared libraries

            Package: libgcc-s1
            Source: gcc-12 (12.2.0-14)
            Version: 12.2.0-14
            Architecture: amd64
            Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>
            Depends: gcc-12-base (= 12.2.0-14), libc6 (>= 2.35)
            Filename: pool/main/g/gcc-12/libgcc-s1_12.2.0-14_amd64.deb
            Size: 49400
            SHA256: 2222222222222222222222222222222222222222222222222222222222222222
            Description: GCC support library

            Package: gcc-12-base
            Source: gcc-12
            Version: 12.2.0-14
            Architecture: amd64
            Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>
            Filename: pool/main/g/gcc-12/gcc-12-base_12.2.0-14_amd64.deb
            Size: 37504
            SHA256: 3333333333333333333333333333333333333333333333333333333333333333
            Description: GCC, the GNU Compiler Collection (base package)

            Package: libstdc++6
            Source: gcc-12
            Version: 12.2.0-14
            Architecture: amd64
            Maintainer: Debian GCC Maintainers <debian-gcc@lists.debian.org>
            Depends: gcc-12-base (= 12.2.0-14), libc6 (>= 2.36), libgcc-s1 (>= 4.2)
            Filename: pool/main/g/gcc-12/libstdc++6_12.2.0-14_amd64.deb
            Size: 613460
            SHA256: 4444444444444444444444444444444444444444444444444444444444444444
            Description: GNU Standard C++ Library v3

            Package: mawk
            Version: 1.3.4.20200120-3.1
            Architecture: amd64
            Maintainer: Boyuan Yang <byang@debian.org>
            Pre-Depends: libc6 (>= 2.34)
            Provides: awk
            Filename: pool/main/m/mawk/mawk_1.3.4.20200120-3.1_amd64.deb
            Size: 127604
            SHA256: 5555555555555555555555555555555555555555555555555555555555555555
            Description: Pattern scanning and text processing language

            Package: needs-awk
            Version: 1:2.0~rc1-1
            Architecture: all
            Maintainer: Nobody
            Depends: gawk | awk, missing-package | libc6
            Filename: pool/main/n/needs-awk/needs-awk_2.0~rc1-1_all.deb
            Size: 1000
            SHA256: 6666666666666666666666666666666666666666666666666666666666666666
            Description: needs any awk
            """;

    private SbomFixtures() {
    }

    static List<BinaryPackage> packages() {
        try {
            return new PackagesIndexParser("fixture", ORIGIN).parse(new StringReader(PACKAGES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageSbom sbom() {
        return new ImageSbomAssembler("debian-12", "0.1.0-test", p -> switch (p.source()) {
            case "glibc" -> new SbomLicense("LGPL-2.1-or-later AND GPL-2.0-or-later", "NOASSERTION");
            case "gcc-12" -> new SbomLicense("GPL-3.0-or-later WITH GCC-exception-3.1", "GPL-3.0-or-later WITH GCC-exception-3.1");
            case "mawk" -> new SbomLicense("GPL-2.0-only AND LicenseRef-mawk-x", "GPL-2.0-only");
            default -> null;
        }).assemble("demo", "latest", "amd64", CREATED, packages(),
                List.of(new SbomRelease("http://archive.invalid/debian/", "bookworm", "aa".repeat(32)),
                        new SbomRelease("http://archive2.invalid/debian-extra/", "bookworm-security", "bb".repeat(32))));
    }
}
