package org.remixstudio.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesIndexParserTest {

    private static final IndexOrigin ORIGIN = new IndexOrigin("http://archive.invalid/debian/", "bookworm", "bookworm",
            "main", "");

    private static final String GLIBC = """
            Package: glibc
            Binary: libc-bin, libc6, libc6-dev
            Version: 2.36-9+deb12u9
            Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
            Architecture: any all
            Format: 3.0 (quilt)
            Files:
             00000000000000000000000000000000 7318 glibc_2.36-9+deb12u9.dsc
            Checksums-Sha256:
             1111111111111111111111111111111111111111111111111111111111111111 7318 glibc_2.36-9+deb12u9.dsc
             2222222222222222222222222222222222222222222222222222222222222222 18610100 glibc_2.36.orig.tar.xz
             3333333333333333333333333333333333333333333333333333333333333333 412228 glibc_2.36-9+deb12u9.debian.tar.xz
            Directory: pool/main/g/glibc
            Priority: optional
            Section: libs

            Package: mawk
            Binary: mawk
            Version: 1.3.4.20200120-3.1
            Checksums-Sha256:
             4444444444444444444444444444444444444444444444444444444444444444 2046 mawk_1.3.4.20200120-3.1.dsc
            Directory: pool/main/m/mawk
            """;

    @Test
    void parse_readsNameVersionDirectoryBinariesAndSha256Files() throws IOException {
        List<SourcePackage> sources = new SourcesIndexParser("Sources", ORIGIN).parse(new StringReader(GLIBC));
        assertThat(sources).hasSize(2);
        SourcePackage glibc = sources.get(0);
        assertThat(glibc.name()).isEqualTo("glibc");
        assertThat(glibc.version()).isEqualTo(DebVersion.parse("2.36-9+deb12u9"));
        assertThat(glibc.directory()).isEqualTo("pool/main/g/glibc");
        assertThat(glibc.binaries()).containsExactly("libc-bin", "libc6", "libc6-dev");
        assertThat(glibc.files()).extracting(SourceFile::name).containsExactly("glibc_2.36-9+deb12u9.dsc",
                "glibc_2.36.orig.tar.xz", "glibc_2.36-9+deb12u9.debian.tar.xz");
        assertThat(glibc.files().get(1).size()).isEqualTo(18610100);
        assertThat(glibc.dsc()).map(SourceFile::sha256).hasValue("1".repeat(64));
        assertThat(glibc.url(glibc.files().get(0)))
                .isEqualTo("http://archive.invalid/debian/pool/main/g/glibc/glibc_2.36-9+deb12u9.dsc");
    }

    @Test
    void parse_withAFilter_skipsOtherEntries() throws IOException {
        List<SourcePackage> out = new ArrayList<>();
        new SourcesIndexParser("Sources", ORIGIN).parse(new StringReader(GLIBC), "mawk"::equals, out::add);
        assertThat(out).extracting(SourcePackage::name).containsExactly("mawk");
    }

    @Test
    void parse_directoryLeavingTheArchive_isRefusedNamingIndexLineAndPackage() {
        String hostile = GLIBC.replace("Directory: pool/main/m/mawk", "Directory: pool/../../etc");
        assertThatThrownBy(() -> new SourcesIndexParser("Sources", ORIGIN).parse(new StringReader(hostile)))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("Sources, line 17, source package mawk")
                .hasMessageContaining("leaves the archive");
    }

    @Test
    void parse_fileNameWithASlash_isRefused() {
        String hostile = GLIBC.replace(" mawk_1.3.4.20200120-3.1.dsc", " ../mawk.dsc");
        assertThatThrownBy(() -> new SourcesIndexParser("Sources", ORIGIN).parse(new StringReader(hostile)))
                .isInstanceOf(IndexFormatException.class).hasMessageContaining("is not a plain name");
    }

    @Test
    void parse_entryWithoutDsc_orWithAMalformedChecksumLine_isRefused() {
        String noDsc = GLIBC.replace("mawk_1.3.4.20200120-3.1.dsc", "mawk_1.3.4.orig.tar.gz");
        assertThatThrownBy(() -> new SourcesIndexParser("Sources", ORIGIN).parse(new StringReader(noDsc)))
                .hasMessageContaining("no .dsc");
        String malformed = GLIBC.replace(" 4444444444444444444444444444444444444444444444444444444444444444 2046",
                " 4444 2046");
        assertThatThrownBy(() -> new SourcesIndexParser("Sources", ORIGIN).parse(new StringReader(malformed)))
                .hasMessageContaining("malformed Checksums-Sha256 line");
    }
}
