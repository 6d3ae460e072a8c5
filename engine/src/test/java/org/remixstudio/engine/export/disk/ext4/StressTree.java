package org.remixstudio.engine.export.disk.ext4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.Xattr;

/**
 * The tree the ext4 stress test asks for: 10,000 files in one directory, a directory of long
 * names deep enough for a two-level hash tree, deep paths, 255-byte names, empty files, a 3 GiB
 * sparse file, a fragmented file with a deep extent tree, symlinks of every length 1..4095, hard
 * links, device nodes, FIFOs and extended attributes (in the inode and in a block).
 */
final class StressTree {

    static final Instant T = Instant.parse("2024-05-06T07:08:09.123456789Z");
    static final UUID UUID_ = UUID.fromString("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");
    static final UUID SEED = UUID.fromString("f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f");
    static final long SPARSE_SIZE = 3L << 30;
    /** Offsets in the sparse file where a data block is written. */
    static final long[] SPARSE_DATA = {0, 123L << 20, 1L << 30, SPARSE_SIZE - 4096};
    static final int FRAGMENTED_BLOCKS = 8192;
    static final byte[] CAPABILITY = HexFormat.of().parseHex("0100000200200000000000000000000000000000");

    final List<TreeEntry> entries = new ArrayList<>();
    /** Expected content of every small regular file (the generated ones excluded). */
    final Map<String, byte[]> files = new LinkedHashMap<>();

    static StressTree build() {
        StressTree t = new StressTree();
        t.make();
        return t;
    }

    private void make() {
        entries.add(new TreeEntry(".", EntryType.DIRECTORY, 0755, 0, 0, "root", "root", T, 0, "", 0, 0, List.of()));
        dir("big", 0755);
        for (int i = 0; i < 10_000; i++) {
            String name = "big/file-" + i + (i % 7 == 0 ? "-with-a-somewhat-longer-name" : "");
            file(name, 0644, i % 10 == 0 ? new byte[0] : ("content of " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        dir("long", 0755);
        for (int i = 0; i < 8_000; i++) {
            String prefix = String.format("%05d-", i);
            file("long/" + prefix + "n".repeat(255 - prefix.length()), 0600, new byte[0]);
        }
        StringBuilder deep = new StringBuilder("deep");
        dir("deep", 0755);
        for (int i = 0; i < 60; i++) {
            deep.append("/level-").append(i);
            dir(deep.toString(), 0750);
        }
        file(deep + "/bottom.txt", 0644, "at the bottom\n".getBytes(StandardCharsets.UTF_8));
        dir("misc", 01777);
        file("misc/" + "x".repeat(255), 0644, "long name\n".getBytes(StandardCharsets.UTF_8));
        file("misc/empty", 0644, new byte[0]);
        file("misc/setuid", 04755, bytes(5000, 1));
        file("misc/setgid", 02711, bytes(4096, 2));
        file("misc/exact-two-blocks", 0644, bytes(8192, 3));
        file("misc/with-zero-block", 0644, withZeroBlock());
        entries.add(new TreeEntry("misc/owned", EntryType.FILE, 0640, 100000, 2147483647L, "", "", T.plusNanos(1),
                3, "", 0, 0, List.of()));
        files.put("misc/owned", "own".getBytes(StandardCharsets.UTF_8));
        entries.add(new TreeEntry("misc/old", EntryType.FILE, 0644, 0, 0, "", "", Instant.parse("1960-01-01T00:00:00.5Z"),
                0, "", 0, 0, List.of()));
        files.put("misc/old", new byte[0]);
        entries.add(new TreeEntry("misc/future", EntryType.FILE, 0644, 0, 0, "", "", Instant.parse("2100-01-01T00:00:00Z"),
                0, "", 0, 0, List.of()));
        files.put("misc/future", new byte[0]);
        entries.add(new TreeEntry("misc/sparse", EntryType.FILE, 0644, 0, 0, "", "", T, SPARSE_SIZE, "", 0, 0, List.of()));
        entries.add(new TreeEntry("misc/fragmented", EntryType.FILE, 0644, 0, 0, "", "", T,
                (long) FRAGMENTED_BLOCKS * 4096, "", 0, 0, List.of()));
        file("misc/hard-original", 0755, "linked\n".getBytes(StandardCharsets.UTF_8));
        entries.add(TreeEntry.hardlink("misc/hard-second", "misc/hard-original", 0755, T));
        entries.add(TreeEntry.hardlink("big/hard-third", "misc/hard-original", 0755, T));
        entries.add(TreeEntry.special("misc/null", EntryType.CHAR_DEVICE, 0666, 1, 3, T));
        entries.add(TreeEntry.special("misc/sda", EntryType.BLOCK_DEVICE, 0660, 8, 0, T));
        entries.add(TreeEntry.special("misc/bignum", EntryType.CHAR_DEVICE, 0600, 300, 70000, T));
        entries.add(TreeEntry.special("misc/fifo", EntryType.FIFO, 0644, 0, 0, T));
        entries.add(TreeEntry.file("misc/ping", 0755, 4, T).withXattrs(List.of(
                new Xattr("security.capability", CAPABILITY))));
        files.put("misc/ping", "ping".getBytes(StandardCharsets.UTF_8));
        entries.add(TreeEntry.file("misc/many-xattrs", 0644, 0, T).withXattrs(List.of(
                Xattr.ofText("user.a", "1"), Xattr.ofText("user.comment", "a comment"),
                Xattr.ofText("trusted.overlay.opaque", "y"), new Xattr("user.big", bytes(1500, 9)),
                new Xattr("security.capability", CAPABILITY), new Xattr("user.empty", new byte[0]))));
        files.put("misc/many-xattrs", new byte[0]);
        entries.add(TreeEntry.directory("misc/dir-with-xattr", 0755, T).withXattrs(List.of(
                Xattr.ofText("user.mime", "inode/directory"))));
        dir("links", 0755);
        StringBuilder target = new StringBuilder();
        for (int len = 1; len <= 4095; len++) {
            target.append(len % 50 == 0 ? '/' : (char) ('a' + len % 26));
            entries.add(TreeEntry.symlink(String.format("links/l%04d", len), target.toString(), T));
        }
    }

    private void dir(String path, int mode) {
        entries.add(TreeEntry.directory(path, mode, T));
    }

    private void file(String path, int mode, byte[] content) {
        entries.add(TreeEntry.file(path, mode, content.length, T));
        files.put(path, content);
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed * 7 + 1);
        }
        return b;
    }

    private static byte[] withZeroBlock() {
        byte[] b = bytes(3 * 4096 + 100, 4);
        Arrays.fill(b, 4096, 8192, (byte) 0);
        return b;
    }

    /** The byte the generated files hold at a block: a fixed pattern per block number. */
    static byte generatedByte(long block) {
        return (byte) (block % 251 + 1);
    }

    Ext4Content content() {
        return e -> {
            byte[] small = files.get(e.path());
            if (small != null) {
                return new ByteArrayInputStream(small);
            }
            if (e.path().equals("misc/sparse")) {
                return new GeneratedStream(e.size(), block -> Arrays.stream(SPARSE_DATA).anyMatch(o -> o / 4096 == block));
            }
            if (e.path().equals("misc/fragmented")) {
                return new GeneratedStream(e.size(), block -> block % 2 == 0);
            }
            throw new IOException("no content for " + e.path());
        };
    }

    Ext4Result write(Path image, Ext4Options options) throws IOException {
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            return new Ext4Writer().write(entries, content(), options, ch, 0);
        }
    }

    static Ext4Options options() {
        return Ext4Options.defaults(Ext4Size.contentPlus(64L << 20), UUID_, SEED, T).withLabel("stress");
    }

    /** A long stream of zeros with a patterned block wherever {@code data} says. */
    static final class GeneratedStream extends InputStream {
        private final long size;
        private final java.util.function.LongPredicate data;
        private long pos;

        GeneratedStream(long size, java.util.function.LongPredicate data) {
            this.size = size;
            this.data = data;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; ) {
                long block = (pos + i) / 4096;
                int inBlock = (int) Math.min(n - i, 4096 - (pos + i) % 4096);
                Arrays.fill(b, off + i, off + i + inBlock, data.test(block) ? generatedByte(block) : 0);
                i += inBlock;
            }
            pos += n;
            return n;
        }
    }
}
