package org.remixstudio.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.deb.TestDebs.Spec;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.Xattr;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Hostile and unusual data.tar contents: each is refused with an error naming the package and the entry. */
class DebDataReaderTest {

    @TempDir
    Path tmp;
    private Path target;
    private Path outside;

    @BeforeEach
    void dirs() throws IOException {
        target = Files.createDirectories(tmp.resolve("target"));
        outside = Files.createDirectories(tmp.resolve("outside"));
    }

    private static List<TreeEntry> readAll(Path deb) {
        List<TreeEntry> all = new ArrayList<>();
        DebArchive.open(deb).forEachDataEntry((entry, content) -> {
            content.readAllBytes();
            all.add(entry);
        });
        return all;
    }

    /** Extracting must fail and leave everything outside the target untouched. */
    private void assertRefusedAndNothingOutside(Path deb, String... messageParts) throws IOException {
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());
        var thrown = assertThatThrownBy(() -> extractor.extractAll(DebArchive.open(deb)))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining(deb.getFileName().toString());
        for (String part : messageParts) {
            thrown.hasMessageContaining(part);
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("pwned"))).isEmpty();
        }
        try (Stream<Path> inOutside = Files.list(outside)) {
            assertThat(inOutside).isEmpty();
        }
    }

    @Test
    void dotDotEntry_isRefused() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("dotdot.deb"), List.of(Spec.dir("./"),
                Spec.file("./usr/../../outside/pwned", "x")));

        assertRefusedAndNothingOutside(deb, "'./usr/../../outside/pwned'", "'..'");
    }

    @Test
    void absoluteEntry_isRefused() throws IOException {
        String absolute = outside.resolve("pwned").toString();
        Path deb = TestDebs.craft(tmp.resolve("absolute.deb"), List.of(Spec.dir("./"), Spec.file(absolute, "x")));

        assertRefusedAndNothingOutside(deb, absolute, "absolute path");
    }

    @Test
    void fileThroughOwnSymlinkPointingOutside_isRefused() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("symlink-escape.deb"), List.of(Spec.dir("./"),
                Spec.symlink("./escape", outside.toString()),
                Spec.file("./escape/pwned", "x")));

        assertRefusedAndNothingOutside(deb, "'./escape/pwned'", "symbolic link");
    }

    @Test
    void fileThroughRelativeSymlinkClimbingOut_isRefused() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("relative-escape.deb"), List.of(Spec.dir("./"), Spec.dir("./a/"),
                Spec.symlink("./a/up", "../../outside"),
                Spec.file("./a/up/pwned", "x")));

        assertRefusedAndNothingOutside(deb, "'./a/up/pwned'");
    }

    @Test
    void hardLinkOutsideTheTree_isRefused() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("hardlink-escape.deb"), List.of(Spec.dir("./"),
                Spec.hardlink("./pwned", "../outside/secret")));

        assertRefusedAndNothingOutside(deb, "'./pwned'", "outside the package tree");
    }

    @Test
    void hardLinkToAbsoluteHostPath_isRefused() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("hardlink-absolute.deb"), List.of(Spec.dir("./"),
                Spec.hardlink("./pwned", "/etc/passwd")));

        assertRefusedAndNothingOutside(deb, "'./pwned'", "/etc/passwd");
    }

    @Test
    void hardLinkToEntryNotYetSeen_isRefused() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("hardlink-forward.deb"), List.of(Spec.dir("./"),
                Spec.hardlink("./early", "./late"), Spec.file("./late", "x")));

        assertRefusedAndNothingOutside(deb, "'./early'", "not an earlier entry");
    }

    @Test
    void xzBomb_tinyArchiveExpandingBeyondTheLimit_isRefusedBeforeWriting() throws IOException {
        long huge = 256L << 20;
        Path deb = tmp.resolve("bomb.deb");
        byte[] bomb = xzTarWithZeroFile("./zeros", huge);
        TestDebs.assemble(deb, TestDebs.controlTarGz("bomb"), "data.tar.xz", bomb);
        DebLimits limits = DebLimits.defaults().withMaxDataBytes(16L << 20);

        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());
        assertThat(Files.size(deb)).isLessThan(128 * 1024);
        assertThatThrownBy(() -> extractor.extractAll(DebArchive.open(deb, limits)))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining("bomb.deb")
                .hasMessageContaining("more than " + (16L << 20) + " bytes")
                .hasMessageContaining("raise the limit");
        assertThat(target.resolve("zeros")).doesNotExist();
    }

    @Test
    void entryCountBomb_isRefused() throws IOException {
        List<Spec> many = new ArrayList<>();
        many.add(Spec.dir("./"));
        for (int i = 0; i < 2000; i++) {
            many.add(Spec.file("./f" + i, ""));
        }
        Path deb = TestDebs.craft(tmp.resolve("many.deb"), many);

        assertThatThrownBy(() -> readAllWith(deb, DebLimits.defaults().withMaxEntries(1000)))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining("many.deb")
                .hasMessageContaining("more than 1000 entries");
    }

    private static void readAllWith(Path deb, DebLimits limits) {
        DebArchive.open(deb, limits).forEachDataEntry((entry, content) -> content.readAllBytes());
    }

    @Test
    void unusualButLegalEntries_areReportedFaithfully() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("unusual.deb"), List.of(Spec.dir("./"), Spec.dir("./dev/"),
                Spec.special("./dev/null", TarConstants.LF_CHR),
                Spec.special("./dev/fifo", TarConstants.LF_FIFO).mode(0600),
                Spec.dir("./tmp/").mode(01777),
                Spec.file("./home/user/file", "data").uid(1234).mode(02750),
                Spec.file("./usr/bin/ping", "elf").mode(0755).pax(Map.of(
                        "SCHILY.xattr.user.comment", "hello",
                        "LIBARCHIVE.xattr.security.capability",
                        Base64.getEncoder().encodeToString(new byte[] {1, 0, 0, 2, 0, 0x20, 0, 0, (byte) 0xff})))));

        List<TreeEntry> entries = readAll(deb);

        TreeEntry devNull = find(entries, "dev/null");
        assertThat(devNull.type()).isEqualTo(EntryType.CHAR_DEVICE);
        assertThat(devNull.devMajor()).isEqualTo(1);
        assertThat(devNull.devMinor()).isEqualTo(3);
        assertThat(find(entries, "dev/fifo").type()).isEqualTo(EntryType.FIFO);
        assertThat(find(entries, "tmp").mode()).isEqualTo(01777);
        assertThat(find(entries, "tmp").permissionString()).isEqualTo("rwxrwxrwt");
        TreeEntry file = find(entries, "home/user/file");
        assertThat(file.uid()).isEqualTo(1234);
        assertThat(file.gid()).isEqualTo(1234);
        assertThat(file.uname()).isEqualTo("u1234");
        assertThat(file.mode()).isEqualTo(02750);
        assertThat(find(entries, "usr/bin/ping").xattrs()).containsExactly(
                new Xattr("security.capability", new byte[] {1, 0, 0, 2, 0, 0x20, 0, 0, (byte) 0xff}),
                Xattr.ofText("user.comment", "hello"));
    }

    @Test
    void unsupportedEntryType_isRefused() throws IOException {
        Path deb = TestDebs.craft(tmp.resolve("volume.deb"), List.of(Spec.dir("./"),
                new Spec("./label", (byte) 'V', 0644, null, null, 0, Map.of())));

        assertThatThrownBy(() -> readAll(deb))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining("volume.deb")
                .hasMessageContaining("unsupported tar entry type 'V'");
    }

    @Test
    void wrongMemberOrder_isRefused() throws IOException {
        Path deb = TestDebs.assemble(tmp.resolve("order.deb"), TestDebs.controlTarGz("x"), "payload.tar.xz",
                TestDebs.xz(TestDebs.tar(List.of(Spec.dir("./")))));

        assertThatThrownBy(() -> DebArchive.open(deb))
                .isInstanceOf(DebFormatException.class)
                .hasMessageContaining("order.deb")
                .hasMessageContaining("'payload.tar.xz'");
    }

    private static TreeEntry find(List<TreeEntry> entries, String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
    }

    private static byte[] xzTarWithZeroFile(String name, long size) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream xz = new XZOutputStream(bytes, new LZMA2Options(1));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(size);
            tar.putArchiveEntry(e);
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
