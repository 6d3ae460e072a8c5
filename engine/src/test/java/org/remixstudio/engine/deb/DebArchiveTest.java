package org.remixstudio.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

class DebArchiveTest {

    @TempDir
    Path tmp;

    /** A staging tree for dpkg-deb with control, conffiles, md5sums, scripts and a varied data tree. */
    private Path staging() throws IOException {
        Path root = tmp.resolve("pkg");
        Path debian = Files.createDirectories(root.resolve("DEBIAN"));
        Files.writeString(debian.resolve("control"), """
                Package: remix-sample
                Version: 1:2.3-4
                Architecture: all
                Maintainer: Remix Tests <tests@example.org>
                Depends: libc6 (>= 2.36), bash | dash
                Description: sample package for tests
                 Second line of the long description.
                """);
        Files.writeString(debian.resolve("conffiles"), "/etc/sample.conf\n");
        Files.writeString(debian.resolve("md5sums"), "d41d8cd98f00b204e9800998ecf8427e  usr/share/sample/empty\n");
        Files.writeString(debian.resolve("postinst"), "#!/bin/sh\nset -e\necho configured\n");
        Files.setPosixFilePermissions(debian.resolve("postinst"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(debian.resolve("triggers"), "interest-noawait /usr/share/sample\n");
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("usr/share/sample"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("usr/bin/sample"), "#!/bin/sh\necho sample\n");
        Files.setPosixFilePermissions(root.resolve("usr/bin/sample"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("usr/bin/sample-suid"), "not really a binary\n");
        Files.setAttribute(root.resolve("usr/bin/sample-suid"), "unix:mode", 04755);
        Files.createSymbolicLink(root.resolve("usr/bin/sample-alias"), Path.of("sample"));
        Files.createLink(root.resolve("usr/bin/sample-hardlink"), root.resolve("usr/bin/sample"));
        Files.writeString(root.resolve("etc/sample.conf"), "key=value\n");
        Files.createFile(root.resolve("usr/share/sample/empty"));
        Files.setPosixFilePermissions(root.resolve("usr/share/sample/empty"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(root.resolve("etc/sample.conf"), PosixFilePermissions.fromString("rw-r--r--"));
        return root;
    }

    private static Map<String, TreeEntry> entries(DebArchive deb, Map<String, String> contents) {
        Map<String, TreeEntry> all = new LinkedHashMap<>();
        deb.forEachDataEntry((entry, content) -> {
            all.put(entry.path(), entry);
            contents.put(entry.path(), new String(content.readAllBytes(), StandardCharsets.UTF_8));
        });
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xz", "gzip", "zstd", "none"})
    void open_dpkgBuiltPackage_readsControlAndDataForEveryCompression(String compression) throws Exception {
        Path deb = TestDebs.dpkgBuild(staging(), tmp.resolve("sample.deb"), compression);

        DebArchive archive = DebArchive.open(deb);

        String expectedMember = switch (compression) {
            case "xz" -> "data.tar.xz";
            case "gzip" -> "data.tar.gz";
            case "zstd" -> "data.tar.zst";
            default -> "data.tar";
        };
        assertThat(archive.dataMemberName()).isEqualTo(expectedMember);
        DebControl control = archive.control();
        assertThat(control.packageName()).isEqualTo("remix-sample");
        assertThat(control.version()).isEqualTo("1:2.3-4");
        assertThat(control.architecture()).isEqualTo("all");
        assertThat(control.fields().get("Depends")).contains("libc6 (>= 2.36), bash | dash");
        assertThat(control.fields().get("Description")).contains("sample package for tests\nSecond line of the long description.");
        assertThat(control.conffiles()).containsExactly("/etc/sample.conf");
        assertThat(control.md5sums()).containsEntry("usr/share/sample/empty", "d41d8cd98f00b204e9800998ecf8427e");
        assertThat(control.maintainerScripts()).containsOnlyKeys("postinst");
        assertThat(control.maintainerScripts().get("postinst").text()).contains("echo configured");
        assertThat(control.maintainerScripts().get("postinst").mode()).isEqualTo(0755);
        assertThat(control.file("triggers")).get().extracting(ControlFile::text)
                .isEqualTo("interest-noawait /usr/share/sample\n");

        Map<String, String> contents = new LinkedHashMap<>();
        Map<String, TreeEntry> data = entries(archive, contents);
        assertThat(data).containsKeys(".", "usr", "usr/bin", "usr/bin/sample", "etc/sample.conf");
        TreeEntry root = data.get(".");
        assertThat(root.type()).isEqualTo(EntryType.DIRECTORY);
        TreeEntry sample = data.get("usr/bin/sample");
        assertThat(sample.type()).isEqualTo(EntryType.FILE);
        assertThat(sample.mode()).isEqualTo(0755);
        assertThat(sample.uid()).isZero();
        assertThat(sample.gid()).isZero();
        assertThat(sample.uname()).isEqualTo("root");
        assertThat(sample.gname()).isEqualTo("root");
        assertThat(sample.size()).isEqualTo("#!/bin/sh\necho sample\n".length());
        assertThat(contents.get("usr/bin/sample")).isEqualTo("#!/bin/sh\necho sample\n");
        assertThat(data.get("usr/bin/sample-suid").mode()).isEqualTo(04755);
        assertThat(data.get("usr/bin/sample-suid").permissionString()).isEqualTo("rwsr-xr-x");
        TreeEntry alias = data.get("usr/bin/sample-alias");
        assertThat(alias.type()).isEqualTo(EntryType.SYMLINK);
        assertThat(alias.linkTarget()).isEqualTo("sample");
        TreeEntry hardlink = data.get("usr/bin/sample-hardlink");
        assertThat(hardlink.type()).isEqualTo(EntryType.HARDLINK);
        assertThat(hardlink.linkTarget()).isEqualTo("usr/bin/sample");
        assertThat(data.get("usr/share/sample/empty").size()).isZero();
    }

    @Test
    void open_notAnArArchive_namesTheFile() throws IOException {
        Path bogus = Files.writeString(tmp.resolve("bogus.deb"), "this is not a package\n");

        assertThatThrownBy(() -> DebArchive.open(bogus))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining("bogus.deb")
                .hasMessageContaining("not");
    }

    @Test
    void open_missingFile_saysSo() {
        assertThatThrownBy(() -> DebArchive.open(tmp.resolve("absent.deb")))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining("absent.deb")
                .hasMessageContaining("no such file");
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 55, 80, 95, 99})
    void reading_truncatedPackage_failsWithClearErrorNamingTheFile(int percent) throws Exception {
        Path deb = TestDebs.dpkgBuild(staging(), tmp.resolve("whole.deb"), "xz");
        Path cut = tmp.resolve("cut-" + percent + ".deb");
        Files.copy(deb, cut);
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.setLength(raf.length() * percent / 100);
        }

        assertThatThrownBy(() -> DebArchive.open(cut).forEachDataEntry((entry, content) -> content.readAllBytes()))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageMatching("(?s).*(truncated|missing|end of data).*");
    }

    @Test
    void reading_truncatedUncompressedPackage_failsAlthoughTarEndsAtEntryBoundary() throws Exception {
        Path deb = TestDebs.dpkgBuild(staging(), tmp.resolve("plain.deb"), "none");
        Path cut = tmp.resolve("plain-cut.deb");
        Files.copy(deb, cut);
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.setLength(raf.length() - 1024); // drops the tar end-of-archive blocks only
        }

        assertThatThrownBy(() -> DebArchive.open(cut).forEachDataEntry((entry, content) -> content.readAllBytes()))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining("plain-cut.deb")
                .hasMessageContaining("truncated");
    }
}
