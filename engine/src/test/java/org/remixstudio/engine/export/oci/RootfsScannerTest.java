package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.Xattr;

class RootfsScannerTest {

    private static final Instant T = Instant.parse("2022-02-02T02:02:02Z");

    @TempDir
    Path root;
    @TempDir
    Path out;

    private Map<String, TreeEntry> scan() {
        return new RootfsScanner().scan(root).stream().map(LayerEntry::entry)
                .collect(Collectors.toMap(TreeEntry::path, Function.identity()));
    }

    @Test
    void scan_readsTypesModesOwnersAndNamesFromTheTreesOwnPasswd() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\nalice:x:1234:1234::/home/alice:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nstaff:x:5678:\n");
        Path data = Files.writeString(Files.createDirectories(root.resolve("srv")).resolve("data"), "data");
        Files.setAttribute(data, "unix:uid", 1234);
        Files.setAttribute(data, "unix:gid", 5678);
        Files.setAttribute(data, "unix:mode", 06750);
        Files.setLastModifiedTime(data, FileTime.from(T));
        Files.createLink(root.resolve("srv/twin"), data);
        Files.createSymbolicLink(root.resolve("srv/link"), Path.of("/etc/passwd"));
        Commands.ok("mkfifo", root.resolve("srv/fifo").toString());
        Commands.ok("mknod", root.resolve("srv/null").toString(), "c", "1", "3");
        Files.getFileAttributeView(data, UserDefinedFileAttributeView.class)
                .write("origin", ByteBuffer.wrap("remix".getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(root.resolve("tmp"));
        Files.setAttribute(root.resolve("tmp"), "unix:mode", 01777);

        Map<String, TreeEntry> entries = scan();

        TreeEntry file = entries.get("srv/data").type() == EntryType.FILE ? entries.get("srv/data") : entries.get("srv/twin");
        assertThat(file.mode()).isEqualTo(06750);
        assertThat(file.uid()).isEqualTo(1234);
        assertThat(file.uname()).isEqualTo("alice");
        assertThat(file.gname()).isEqualTo("staff");
        assertThat(file.mtime()).isEqualTo(T);
        assertThat(file.size()).isEqualTo(4);
        assertThat(file.xattrs()).containsExactly(Xattr.ofText("user.origin", "remix"));
        assertThat(List.of(entries.get("srv/data").type(), entries.get("srv/twin").type()))
                .containsExactlyInAnyOrder(EntryType.FILE, EntryType.HARDLINK);
        assertThat(entries.get("srv/link").linkTarget()).isEqualTo("/etc/passwd");
        assertThat(entries.get("srv/fifo").type()).isEqualTo(EntryType.FIFO);
        TreeEntry devNull = entries.get("srv/null");
        assertThat(devNull.type()).isEqualTo(EntryType.CHAR_DEVICE);
        assertThat(devNull.devMajor()).isEqualTo(1);
        assertThat(devNull.devMinor()).isEqualTo(3);
        assertThat(entries.get("tmp").mode()).isEqualTo(01777);
        assertThat(entries).doesNotContainKey(".");
    }

    @Test
    void scannedTree_writesAPlainRootfsTarThatGnuTarRestores() throws Exception {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/tool"), "tool");
        Files.createSymbolicLink(root.resolve("usr/bin/alias"), Path.of("tool"));
        LayerBlob tar = new LayerTarWriter(T, LayerTarWriter.Compression.NONE)
                .write(new RootfsScanner().scan(root), out.resolve("rootfs.tar"));
        Path restored = Files.createDirectories(out.resolve("restored"));

        Commands.ok("tar", "-xf", tar.file().toString(), "-C", restored.toString());

        assertThat(restored.resolve("usr/bin/tool")).hasContent("tool");
        assertThat(Files.readSymbolicLink(restored.resolve("usr/bin/alias"))).isEqualTo(Path.of("tool"));
        assertThat(Files.getLastModifiedTime(restored.resolve("usr/bin/tool")).toInstant()).isEqualTo(T);
    }

    @Test
    void deviceNumbers_decodeLinuxDevT() {
        long devNull = 0x103;            // makedev(1, 3)
        long big = (0x123L << 8) | 0x45 | ((0x6789AL & ~0xffL) << 12) | ((0xABCDL & ~0xfffL) << 32);

        assertThat(RootfsScanner.major(devNull)).isEqualTo(1);
        assertThat(RootfsScanner.minor(devNull)).isEqualTo(3);
        assertThat(RootfsScanner.major(big)).isEqualTo(0xABCD & ~0xfff | 0x123);
        assertThat(RootfsScanner.minor(big)).isEqualTo(0x45 | (0x6789A & ~0xff));
    }
}
