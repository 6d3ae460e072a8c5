package org.remixstudio.engine.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.build.FixtureDeb;
import org.remixstudio.engine.deb.DebFormatException;

/** Real packages made with dpkg-deb. */
class CopyrightExtractorTest {

    @TempDir
    Path dir;

    private final CopyrightExtractor extractor = new CopyrightExtractor(CopyrightExtractor.DEFAULT_MAX_BYTES);

    @Test
    void copyrightFile_isReadFromTheDataTar() throws Exception {
        Path deb = FixtureDeb.of("foo", "1.0")
                .file("usr/bin/foo", "#!/bin/sh\n")
                .file("usr/share/doc/foo/copyright", "License: MIT\n")
                .file("usr/share/doc/foo/changelog.Debian", "x\n")
                .build(dir);
        assertThat(extractor.read(deb, "foo")).isEqualTo(new CopyrightFile.Text("License: MIT\n", "usr/share/doc/foo/copyright"));
    }

    @Test
    void docDirectoryLinkedToAnotherPackage_namesThatPackage() throws Exception {
        Path deb = FixtureDeb.of("foo-dev", "1.0")
                .file("usr/include/foo.h", "\n")
                .symlink("usr/share/doc/foo-dev", "foo")
                .build(dir);
        assertThat(extractor.read(deb, "foo-dev")).isEqualTo(new CopyrightFile.Elsewhere("foo"));
    }

    @Test
    void copyrightLinkedWithinThePackage_isFollowed() throws Exception {
        Path deb = FixtureDeb.of("foo-utils", "1.0")
                .file("usr/share/doc/foo-common/copyright", "License: ISC\n")
                .symlink("usr/share/doc/foo-utils/copyright", "../foo-common/copyright")
                .build(dir);
        assertThat(extractor.read(deb, "foo-utils"))
                .isEqualTo(new CopyrightFile.Text("License: ISC\n", "usr/share/doc/foo-common/copyright"));
    }

    @Test
    void copyrightLinkedToAnotherPackagesFile_namesThatPackage() throws Exception {
        Path deb = FixtureDeb.of("foo-tools", "1.0")
                .symlink("usr/share/doc/foo-tools/copyright", "/usr/share/doc/libfoo1/copyright")
                .build(dir);
        assertThat(extractor.read(deb, "foo-tools")).isEqualTo(new CopyrightFile.Elsewhere("libfoo1"));
    }

    @Test
    void missingCopyrightFile_isMissingWithAReason() throws Exception {
        Path deb = FixtureDeb.of("bare", "1.0").file("usr/bin/bare", "x\n").build(dir);
        CopyrightFile f = extractor.read(deb, "bare");
        assertThat(f).isInstanceOf(CopyrightFile.Missing.class);
        assertThat(((CopyrightFile.Missing) f).reason()).contains("no /usr/share/doc/bare/copyright");
    }

    @Test
    void hugeCopyrightFile_isNotRead() throws Exception {
        Path deb = FixtureDeb.of("huge", "1.0").file("usr/share/doc/huge/copyright", "GPL ".repeat(5000)).build(dir);
        CopyrightFile f = new CopyrightExtractor(4096).read(deb, "huge");
        assertThat(f).isInstanceOf(CopyrightFile.Missing.class);
        assertThat(((CopyrightFile.Missing) f).reason()).contains("20000 bytes, more than the 4096 bytes");
    }

    @Test
    void binaryGarbage_isNotText() throws Exception {
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            garbage.append((char) (i * 7 % 32));
        }
        Path deb = FixtureDeb.of("garbage", "1.0").file("usr/share/doc/garbage/copyright", garbage.toString()).build(dir);
        CopyrightFile f = extractor.read(deb, "garbage");
        assertThat(f).isInstanceOf(CopyrightFile.Missing.class);
        assertThat(((CopyrightFile.Missing) f).reason()).contains("is not text");
    }

    @Test
    void notADeb_isAFormatErrorNamingTheFile() throws Exception {
        Path bad = Files.write(dir.resolve("bad.deb"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThatThrownBy(() -> extractor.read(bad, "bad")).isInstanceOf(DebFormatException.class)
                .hasMessageContaining("bad.deb");
    }
}
