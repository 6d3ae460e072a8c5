package org.remixstudio.engine.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.Xattr;

class TreeExtractorTest {

    private static final Instant T = Instant.parse("2023-06-10T08:00:00Z");
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    @TempDir
    Path tmp;
    private Path target;
    private Path outside;

    @BeforeEach
    void dirs() throws IOException {
        target = Files.createDirectories(tmp.resolve("target"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "untouched");
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream none() {
        return InputStream.nullInputStream();
    }

    private void assertOutsideUntouched() throws IOException {
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).containsExactly(outside.resolve("secret"));
        }
        assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("untouched");
    }

    @Test
    void extractAll_dpkgBuiltPackage_recreatesModesLinksOwnershipAndTimes() throws Exception {
        Path staging = tmp.resolve("pkg");
        Files.createDirectories(staging.resolve("DEBIAN"));
        Files.writeString(staging.resolve("DEBIAN/control"),
                "Package: x\nVersion: 1\nArchitecture: all\nMaintainer: t <t@example.org>\nDescription: x\n");
        Files.createDirectories(staging.resolve("usr/bin"));
        Files.writeString(staging.resolve("usr/bin/tool"), "tool");
        Files.setAttribute(staging.resolve("usr/bin/tool"), "unix:mode", 04755);
        Files.setLastModifiedTime(staging.resolve("usr/bin/tool"), java.nio.file.attribute.FileTime.from(T));
        Files.createSymbolicLink(staging.resolve("usr/bin/alias"), Path.of("tool"));
        Files.createLink(staging.resolve("usr/bin/twin"), staging.resolve("usr/bin/tool"));
        Files.createDirectories(staging.resolve("srv/ro"));
        Files.writeString(staging.resolve("srv/ro/inside"), "in a read-only dir");
        Files.setPosixFilePermissions(staging.resolve("srv/ro"), PosixFilePermissions.fromString("r-xr-xr-x"));
        Path deb = TestDebs.dpkgBuild(staging, tmp.resolve("x.deb"), "xz");

        ExtractionReport report = new TreeExtractor(target, ExtractOptions.defaults()).extractAll(DebArchive.open(deb));

        Path tool = target.resolve("usr/bin/tool");
        assertThat(Files.readString(tool)).isEqualTo("tool");
        assertThat(Files.getAttribute(tool, "unix:mode")).isEqualTo(0100000 | 04755);
        assertThat(Files.getAttribute(tool, "unix:uid")).isEqualTo(0);
        assertThat(Files.isSymbolicLink(target.resolve("usr/bin/alias"))).isTrue();
        assertThat(Files.readSymbolicLink(target.resolve("usr/bin/alias"))).isEqualTo(Path.of("tool"));
        assertThat(Files.getAttribute(target.resolve("usr/bin/twin"), "unix:ino"))
                .isEqualTo(Files.getAttribute(tool, "unix:ino"));
        assertThat(Files.getAttribute(target.resolve("srv/ro"), "unix:mode")).isEqualTo(040000 | 0555);
        assertThat(Files.readString(target.resolve("srv/ro/inside"))).isEqualTo("in a read-only dir");
        assertThat(Files.getLastModifiedTime(tool).toInstant()).isEqualTo(T);
        assertThat(report.files()).isEqualTo(2);
        assertThat(report.symlinks()).isEqualTo(1);
        assertThat(report.hardlinks()).isEqualTo(1);
        assertThat(report.bytes()).isEqualTo("tool".length() + "in a read-only dir".length());
    }

    @Test
    void extract_ownershipComesFromTheEntryNotTheHost() throws IOException {
        TreeExtractor extractor = new TreeExtractor(target, new ExtractOptions(true, false));
        TreeEntry entry = TreeEntry.file("home/u/data", 0640, 2, T).withOwner(4321, 8765, "nobody-here", "none");

        extractor.extract(entry, text("hi"), "test");
        extractor.finish();

        Path data = target.resolve("home/u/data");
        assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(4321);
        assertThat(Files.getAttribute(data, "unix:gid")).isEqualTo(8765);
        assertThat(Files.getAttribute(data, "unix:mode")).isEqualTo(0100640);
        assertThat(Files.getLastModifiedTime(data).toInstant()).isEqualTo(T);
    }

    @Test
    void extract_symlinkOnDiskInParentPosition_isRefusedByDefault() throws IOException {
        Files.createSymbolicLink(target.resolve("escape"), outside);
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());

        assertThatThrownBy(() -> extractor.extract(TreeEntry.file("escape/pwned", 0644, 1, T), text("x"), "hostile.deb"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("hostile.deb")
                .hasMessageContaining("'escape/pwned'")
                .hasMessageContaining("symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void extract_inRootMode_absoluteSymlinkIsReRootedNotFollowedToTheHost() throws IOException {
        Files.createSymbolicLink(target.resolve("escape"), outside);
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.forRootFilesystem());

        assertThatThrownBy(() -> extractor.extract(TreeEntry.file("escape/pwned", 0644, 1, T), text("x"), "hostile.deb"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("does not exist");
        assertOutsideUntouched();
    }

    @Test
    void extract_inRootMode_relativeSymlinkClimbingOut_isRefused() throws IOException {
        Files.createDirectories(target.resolve("a"));
        Files.createSymbolicLink(target.resolve("a/up"), Path.of("../../outside"));
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.forRootFilesystem());

        assertThatThrownBy(() -> extractor.extract(TreeEntry.file("a/up/pwned", 0644, 1, T), text("x"), "hostile.deb"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("leads outside the target directory");
        assertOutsideUntouched();
    }

    @Test
    void extract_inRootMode_mergedUsrSymlinkIsFollowedAndKept() throws IOException {
        Files.createDirectories(target.resolve("usr/bin"));
        Files.createSymbolicLink(target.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(target.resolve("sbin"), Path.of("/usr/bin"));
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.forRootFilesystem());

        extractor.extract(TreeEntry.directory("bin", 0755, T), none(), "bash.deb");
        extractor.extract(TreeEntry.file("bin/bash", 0755, 4, T), text("bash"), "bash.deb");
        extractor.extract(TreeEntry.file("sbin/tool", 0755, 4, T), text("tool"), "tool.deb");
        extractor.finish();

        assertThat(Files.isSymbolicLink(target.resolve("bin"))).isTrue();
        assertThat(Files.readString(target.resolve("usr/bin/bash"))).isEqualTo("bash");
        assertThat(Files.readString(target.resolve("usr/bin/tool"))).isEqualTo("tool");
    }

    @Test
    void extract_symlinkAtTheFinalComponent_isReplacedNeverWrittenThrough() throws IOException {
        Files.createDirectories(target.resolve("etc"));
        Files.createSymbolicLink(target.resolve("etc/passwd"), outside.resolve("secret"));
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());

        extractor.extract(TreeEntry.file("etc/passwd", 0644, 5, T), text("root\n"), "base.deb");

        assertThat(Files.isSymbolicLink(target.resolve("etc/passwd"))).isFalse();
        assertThat(Files.readString(target.resolve("etc/passwd"))).isEqualTo("root\n");
        assertOutsideUntouched();
    }

    @Test
    void extract_hardLinkThroughSymlinkedParent_isRefused() throws IOException {
        Files.createSymbolicLink(target.resolve("host"), outside);
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());

        assertThatThrownBy(() -> extractor.extract(TreeEntry.hardlink("stolen", "host/secret", 0644, T), none(), "h.deb"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("symbolic link");
        assertThat(target.resolve("stolen")).doesNotExist();
    }

    @Test
    void extract_devicesAndFifos_areRecordedNotCreated() throws IOException {
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());
        TreeEntry devNull = TreeEntry.special("dev/null", EntryType.CHAR_DEVICE, 0666, 1, 3, T);
        TreeEntry fifo = TreeEntry.special("run/initctl", EntryType.FIFO, 0600, 0, 0, T);

        extractor.extract(devNull, none(), "makedev.deb");
        extractor.extract(fifo, none(), "makedev.deb");
        ExtractionReport report = extractor.finish();

        assertThat(report.specialFiles()).containsExactly(devNull, fifo);
        assertThat(target.resolve("dev/null")).doesNotExist();
        assertThat(target.resolve("run/initctl")).doesNotExist();
    }

    @Test
    void extract_fileWhereADirectoryExists_isRefused() throws IOException {
        Files.createDirectories(target.resolve("var/lib"));
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());

        assertThatThrownBy(() -> extractor.extract(TreeEntry.file("var/lib", 0644, 0, T), none(), "odd.deb"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("'var/lib'")
                .hasMessageContaining("directory already exists");
    }

    @Test
    void extract_contentShorterThanDeclared_isAnError() {
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());

        assertThatThrownBy(() -> extractor.extract(TreeEntry.file("short", 0644, 10, T), text("abc"), "short.deb"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("7 bytes before its declared size 10");
    }

    @Test
    void extract_userXattrsAreSet_otherNamespacesReported() throws IOException {
        TreeExtractor extractor = new TreeExtractor(target, ExtractOptions.defaults());
        TreeEntry ping = TreeEntry.file("usr/bin/ping", 0755, 3, T).withXattrs(List.of(
                Xattr.ofText("user.origin", "remix"),
                new Xattr("security.capability", new byte[] {1, 0, 0, 2, 0, 0x20, 0, 0})));

        extractor.extract(ping, text("elf"), "iputils-ping.deb");
        ExtractionReport report = extractor.finish();

        UserDefinedFileAttributeView view = Files.getFileAttributeView(target.resolve("usr/bin/ping"),
                UserDefinedFileAttributeView.class, NOFOLLOW);
        ByteBuffer value = ByteBuffer.allocate(64);
        view.read("origin", value);
        assertThat(new String(value.array(), 0, value.position(), StandardCharsets.UTF_8)).isEqualTo("remix");
        assertThat(report.unappliedXattrs()).containsExactly("usr/bin/ping: security.capability");
    }

    @Test
    void constructor_missingTarget_saysToCreateIt() {
        assertThatThrownBy(() -> new TreeExtractor(tmp.resolve("nope"), ExtractOptions.defaults()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("create it first");
    }
}
