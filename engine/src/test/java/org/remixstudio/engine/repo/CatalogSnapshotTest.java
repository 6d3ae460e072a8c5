package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;

class CatalogSnapshotTest {

    private static final IndexOrigin ORIGIN = new IndexOrigin("http://m.example/debian/", "bookworm", "bookworm",
            "main", "0".repeat(64));

    private static final String PACKAGES = """
            Package: libc6
            Version: 2.36-9+deb12u4
            Architecture: amd64
            Multi-Arch: same
            Priority: optional
            Section: libs
            Installed-Size: 12987
            Depends: libgcc-s1
            Recommends: libidn2-0 (>= 2.0.5~)
            Suggests: glibc-doc, debconf | debconf-2.0, libc-l10n, locales, libnss-nis, libnss-nisplus
            Breaks: hurd (<< 1:0.9.git20170910-1), nscd (<< 2.36)
            Filename: pool/main/g/glibc/libc6_2.36-9+deb12u4_amd64.deb
            Size: 2757936
            SHA256: 8a6aa8f5a7c2f2c9c1b1b4f1e5e1b0e3f1c1a1b1c1d1e1f1a1b1c1d1e1f1a1b1
            Source: glibc
            Description: GNU C Library: Shared libraries
            Homepage: https://www.gnu.org/software/libc/libc.html

            Package: bash
            Essential: yes
            Version: 5.2.15-2+b2
            Architecture: amd64
            Priority: required
            Section: shells
            Installed-Size: 7163
            Pre-Depends: libc6 (>= 2.36), libtinfo6 (>= 6)
            Depends: base-files (>= 2.1.12), debianutils (>= 5.6-0.1)
            Recommends: bash-completion (>= 20060301-0)
            Conflicts: bash-completion (<< 20060301-0)
            Replaces: bash-completion (<< 20060301-0), bash-doc (<= 2.05-1)
            Filename: pool/main/b/bash/bash_5.2.15-2+b2_amd64.deb
            Size: 1491420
            SHA256: 1111111111111111111111111111111111111111111111111111111111111111
            Source: bash (5.2.15-2)
            Description: GNU Bourne Again SHell
             Bash is an sh-compatible command language interpreter.
             .
             Long description, second paragraph — with UTF-8.

            Package: python3-foo
            Protected: yes
            Version: 1:1.0~rc1-1
            Architecture: all
            Multi-Arch: foreign
            Depends: python3:any, libc6 (>= 2.36)
            Provides: python3.11-foo, foo-api (= 1.0)
            Filename: pool/main/f/foo/python3-foo_1.0~rc1-1_all.deb
            Size: 1000
            SHA256: 2222222222222222222222222222222222222222222222222222222222222222
            Description: foo for Python 3
            """;

    private static List<BinaryPackage> parsed() throws IOException {
        return new PackagesIndexParser("Packages", ORIGIN).parse(new StringReader(PACKAGES));
    }

    private static byte[] write(List<BinaryPackage> packages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CatalogSnapshotWriter().write(ORIGIN, packages, out);
        return out.toByteArray();
    }

    /**
     * Compares whole records, so a field added to {@code BinaryPackage} (e.g. from {@code Protected:
     * yes} above) that the snapshot does not carry fails here: bump {@code CatalogSnapshot.FORMAT}
     * and write and read the field.
     */
    @Test
    void roundTrip_givesEqualPackages() throws IOException {
        List<BinaryPackage> original = parsed();

        List<BinaryPackage> read = new CatalogSnapshotReader(write(original)).read();

        assertThat(read).containsExactlyElementsOf(original);
        assertThat(read.get(1).longDescription()).contains("UTF-8");
        assertThat(read.get(2).provides().get(1).toString()).isEqualTo("foo-api (= 1.0)");
        assertThat(read.get(2).version().epoch()).isEqualTo(1);
    }

    @Test
    void largeSnapshots_readInTwoHalves_giveEqualPackagesInOrder() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("Package: p").append(i).append("\nVersion: 1.").append(i % 97).append("-1\nArchitecture: amd64\n")
                    .append("Depends: libc6 (>= 2.").append(i % 40).append("), p").append(i + 1).append('\n')
                    .append("Filename: pool/main/p/p").append(i).append(".deb\nSHA256: ").append(Integer.toHexString(i))
                    .append("\nDescription: package ").append(i).append(" ü\n\n");
        }
        List<BinaryPackage> original = new PackagesIndexParser("Packages", ORIGIN).parse(new StringReader(text.toString()));

        List<BinaryPackage> read = new CatalogSnapshotReader(write(original)).read();

        assertThat(read).containsExactlyElementsOf(original);
    }

    @Test
    void repeatedValues_areSharedObjectsAfterReading() throws IOException {
        List<BinaryPackage> read = new CatalogSnapshotReader(write(parsed())).read();

        // libc6 (>= 2.36) appears in bash's Pre-Depends and python3-foo's Depends
        assertThat(read.get(1).preDepends().get(0).alternatives().get(0))
                .isSameAs(read.get(2).depends().get(1).alternatives().get(0));
        assertThat(read.get(0).origin()).isSameAs(read.get(2).origin());
    }

    @Test
    void anyChangedByte_isDetected() throws IOException {
        byte[] data = write(parsed());
        for (int i = 0; i < data.length; i += 7) {
            byte[] copy = data.clone();
            copy[i] ^= 0x20;
            assertThatThrownBy(() -> new CatalogSnapshotReader(copy).read())
                    .isInstanceOf(CatalogSnapshotReader.SnapshotFormatException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(data, data.length - 9);
        assertThatThrownBy(() -> new CatalogSnapshotReader(truncated).read())
                .isInstanceOf(CatalogSnapshotReader.SnapshotFormatException.class);
    }

    @Test
    void keysDifferByIndexHashAndOrigin() {
        String a = CatalogSnapshot.key("a".repeat(64), ORIGIN);
        assertThat(CatalogSnapshot.key("b".repeat(64), ORIGIN)).isNotEqualTo(a);
        assertThat(CatalogSnapshot.key("a".repeat(64), new IndexOrigin(ORIGIN.baseUri(), "bookworm-updates",
                ORIGIN.codename(), ORIGIN.component(), ORIGIN.releaseSha256()))).isNotEqualTo(a);
        assertThat(CatalogSnapshot.key("a".repeat(64), ORIGIN)).isEqualTo(a);
    }

    @Test
    void packagesOfAnotherOrigin_areRejectedWhenWriting() throws IOException {
        List<BinaryPackage> other = new PackagesIndexParser("P", new IndexOrigin("x/", "s", "c", "m", "1"))
                .parse(new StringReader(PACKAGES));

        assertThatThrownBy(() -> write(other)).isInstanceOf(IllegalArgumentException.class);
    }
}
