package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * The ext4 stress test: one image of {@link StressTree}, checked by e2fsck and read back with
 * debugfs (content, type, mode, owner, link counts, device numbers, xattrs, symlink targets).
 */
class Ext4WriterStressTest {

    private static final Pattern LS_LINE = Pattern.compile(
            "^\\s*(\\d+)\\s+(\\d+)\\s+\\((\\d+)\\)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\S+\\s+\\S+ (.*)$");

    @TempDir
    static Path dir;
    static Path image;
    static StressTree tree;
    static Ext4Result result;

    @BeforeAll
    static void writeImage() throws Exception {
        tree = StressTree.build();
        image = dir.resolve("stress.img");
        result = tree.write(image, StressTree.options());
    }

    @Test
    void e2fsck_findsNoProblem() throws Exception {
        E2fsTools.Run fsck = E2fsTools.fsck(image);
        assertThat(fsck.exit()).as(fsck.stdout() + fsck.stderr()).isZero();
        List<String> lines = fsck.stdout().lines().toList();
        assertThat(lines).as("e2fsck output").allMatch(l -> l.startsWith("Pass ") || l.startsWith("stress: "));
        assertThat(lines.get(lines.size() - 1)).contains("stress: " + (result.inodeCount() - result.freeInodes()) + "/"
                + result.inodeCount() + " files").contains((result.blockCount() - result.freeBlocks()) + "/"
                + result.blockCount() + " blocks");
    }

    @Test
    void image_isSparse() throws Exception {
        long allocated = Long.parseLong(E2fsTools.run(List.of("du", "-B1", image.toString())).stdout().split("\\s")[0]);
        assertThat(Files.size(image)).isEqualTo(result.sizeBytes());
        assertThat(allocated).isLessThan((result.blockCount() - result.freeBlocks()) * 4096 + (1 << 20));
    }

    @Test
    void everyEntry_hasItsTypeModeOwnerAndSize() throws Exception {
        Map<String, long[]> listed = new HashMap<>();
        for (String d : List.of("", "big", "long", "misc", "links", "deep")) {
            String out = E2fsTools.debugfs(image, "ls -l /" + d);
            for (String line : out.lines().toList()) {
                Matcher m = LS_LINE.matcher(line);
                if (m.matches() && !m.group(7).equals(".") && !m.group(7).equals("..")) {
                    String path = d.isEmpty() ? m.group(7) : d + "/" + m.group(7);
                    listed.put(path, new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2), 8),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6))});
                }
            }
        }
        int checked = 0;
        for (TreeEntry e : tree.entries) {
            String parent = TreePaths.parent(e.path());
            if (e.isRoot() || parent.startsWith("deep/") || e.type() == EntryType.HARDLINK) {
                continue;
            }
            long[] l = listed.get(e.path());
            assertThat(l).as(e.path()).isNotNull();
            assertThat(l[1]).as(e.path() + " mode").isEqualTo(typeBits(e.type()) | e.mode());
            assertThat(l[2]).as(e.path() + " uid").isEqualTo(e.uid());
            assertThat(l[3]).as(e.path() + " gid").isEqualTo(e.gid());
            long size = switch (e.type()) {
                case FILE -> e.size();
                case SYMLINK -> e.linkTarget().getBytes(StandardCharsets.UTF_8).length;
                case DIRECTORY -> l[4];
                default -> 0;
            };
            assertThat(l[4]).as(e.path() + " size").isEqualTo(size);
            checked++;
        }
        assertThat(checked).isGreaterThan(22_000);
        assertThat(listed.get("misc/hard-second")[0]).isEqualTo(listed.get("misc/hard-original")[0]);
        assertThat(listed.get("big/hard-third")[0]).isEqualTo(listed.get("misc/hard-original")[0]);
    }

    @Test
    void regularFiles_readBackEqual() throws Exception {
        Path out = dir.resolve("rdump");
        Files.createDirectories(out);
        E2fsTools.debugfs(image, "rdump /big /long /deep " + out);
        List<String> dumps = new ArrayList<>();
        Path misc = Files.createDirectories(out.resolve("misc"));
        for (String path : tree.files.keySet()) {
            if (path.startsWith("misc/")) {
                dumps.add("dump /" + path + " " + misc.resolve(TreePaths.name(path)));
            }
        }
        E2fsTools.debugfsBatch(image, dumps);
        int compared = 0;
        for (Map.Entry<String, byte[]> f : tree.files.entrySet()) {
            assertThat(Files.readAllBytes(out.resolve(f.getKey()))).as(f.getKey()).isEqualTo(f.getValue());
            compared++;
        }
        assertThat(compared).isEqualTo(tree.files.size()).isGreaterThan(18_000);
    }

    @Test
    void symlinks_ofEveryLength_readBackEqual() throws Exception {
        Path out = Files.createDirectories(dir.resolve("links-dump"));
        E2fsTools.debugfs(image, "rdump /links " + out);
        int compared = 0;
        for (TreeEntry e : tree.entries) {
            if (e.type() == EntryType.SYMLINK) {
                assertThat(Files.readSymbolicLink(out.resolve(e.path())).toString()).as(e.path()).isEqualTo(e.linkTarget());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(4095);
        assertThat(E2fsTools.debugfs(image, "stat /links/l0059")).contains("Fast link dest: ");
        assertThat(E2fsTools.debugfs(image, "stat /links/l0060")).contains("EXTENTS:");
    }

    @Test
    void linkCounts_countHardLinksAndSubdirectories() throws Exception {
        assertThat(E2fsTools.debugfs(image, "stat /misc/hard-original")).contains("Links: 3 ");
        assertThat(E2fsTools.debugfs(image, "stat /")).contains("Links: 8 ");   // ., .., big long deep misc links lost+found
        assertThat(E2fsTools.debugfs(image, "stat /misc")).contains("Links: 3 ");
        assertThat(E2fsTools.debugfs(image, "stat /big")).contains("Links: 2 ");
    }

    @Test
    void bigDirectories_areHashTrees() throws Exception {
        assertThat(E2fsTools.debugfs(image, "stat /big")).contains("Flags: 0x81000");
        String longDir = E2fsTools.debugfs(image, "htree_dump /long");
        assertThat(longDir).contains("Indirect levels: 1");
        assertThat(E2fsTools.debugfs(image, "stat /misc")).contains("Flags: 0x80000");
    }

    @Test
    void devices_keepTheirNumbers() throws Exception {
        assertThat(E2fsTools.debugfs(image, "stat /misc/null")).contains("Device major/minor number: 01:03");
        assertThat(E2fsTools.debugfs(image, "stat /misc/sda")).contains("Device major/minor number: 08:00");
        assertThat(E2fsTools.debugfs(image, "stat /misc/bignum")).contains("Device major/minor number: 300:70000");
        assertThat(E2fsTools.debugfs(image, "stat /misc/fifo")).contains("Type: FIFO");
    }

    @Test
    void xattrs_readBackEqual() throws Exception {
        String ping = E2fsTools.debugfs(image, "ea_list /misc/ping");
        assertThat(ping).contains("security.capability (20) = 01 00 00 02 00 20 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
        String many = E2fsTools.debugfs(image, "ea_list /misc/many-xattrs");
        assertThat(many).contains("user.a (1) = \"1\"", "user.comment (9) = \"a comment\"", "user.big (1500)",
                "trusted.overlay.opaque (1) = \"y\"", "security.capability (20)", "user.empty (0)");
        assertThat(E2fsTools.debugfs(image, "stat /misc/many-xattrs")).containsPattern("File ACL: [1-9]");
        Path big = dir.resolve("user.big");
        E2fsTools.debugfs(image, "ea_get -f " + big + " /misc/many-xattrs user.big");
        byte[] expected = tree.entries.stream().filter(e -> e.path().equals("misc/many-xattrs")).findFirst().orElseThrow()
                .xattrs().stream().filter(x -> x.name().equals("user.big")).findFirst().orElseThrow().value();
        assertThat(Files.readAllBytes(big)).isEqualTo(expected);
        assertThat(E2fsTools.debugfs(image, "ea_list /misc/dir-with-xattr")).contains("user.mime (15) = \"inode/directory\"");
    }

    @Test
    void sparseFile_allocatesOnlyItsDataBlocks() throws Exception {
        String stat = E2fsTools.debugfs(image, "stat /misc/sparse");
        assertThat(stat).contains("Size: " + StressTree.SPARSE_SIZE).contains("Blockcount: " + 4 * 8);
        Matcher m = Pattern.compile("\\((\\d+)\\):(\\d+)").matcher(stat.substring(stat.indexOf("EXTENTS:")));
        int extents = 0;
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "r")) {
            while (m.find()) {
                long logical = Long.parseLong(m.group(1));
                long physical = Long.parseLong(m.group(2));
                assertThat(StressTree.SPARSE_DATA).contains(logical * 4096);
                byte[] block = new byte[4096];
                raf.seek(physical * 4096);
                raf.readFully(block);
                byte[] expected = new byte[4096];
                java.util.Arrays.fill(expected, StressTree.generatedByte(logical));
                assertThat(block).isEqualTo(expected);
                extents++;
            }
        }
        assertThat(extents).isEqualTo(StressTree.SPARSE_DATA.length);
    }

    @Test
    void fragmentedFile_getsAMultiLevelExtentTree() throws Exception {
        String stat = E2fsTools.debugfs(image, "stat /misc/fragmented");
        assertThat(stat).contains("(ETB1)");
        int leaves = (StressTree.FRAGMENTED_BLOCKS / 2 + ExtentTree.PER_BLOCK - 1) / ExtentTree.PER_BLOCK;
        assertThat(stat).contains("Blockcount: " + (StressTree.FRAGMENTED_BLOCKS / 2 + leaves + 1) * 8);
        Path out = dir.resolve("fragmented");
        E2fsTools.debugfs(image, "dump /misc/fragmented " + out);
        byte[] back = Files.readAllBytes(out);
        assertThat(back).hasSize(StressTree.FRAGMENTED_BLOCKS * 4096);
        for (int b = 0; b < StressTree.FRAGMENTED_BLOCKS; b++) {
            byte want = b % 2 == 0 ? StressTree.generatedByte(b) : 0;
            assertThat(back[b * 4096]).as("block " + b).isEqualTo(want);
            assertThat(back[b * 4096 + 4095]).as("block " + b).isEqualTo(want);
        }
    }

    @Test
    void timestamps_keepNanosecondsAndDatesOutside32Bits() throws Exception {
        assertThat(E2fsTools.debugfs(image, "stat /misc/owned")).contains("mtime: 0x663881d9:1d6f3458");
        assertThat(E2fsTools.debugfs(image, "stat /misc/old")).contains("Fri Jan  1 00:00:00 1960");
        assertThat(E2fsTools.debugfs(image, "stat /misc/future")).contains("Fri Jan  1 00:00:00 2100");
    }

    @Test
    void twoWritesOfTheTree_areBitIdentical() throws Exception {
        // Without the 3 GiB sparse file, so hashing the images stays quick.
        StressTree small = StressTree.build();
        small.entries.removeIf(e -> e.path().equals("misc/sparse"));
        Path a = dir.resolve("repro-a.img");
        Path b = dir.resolve("repro-b.img");
        small.write(a, StressTree.options());
        small.write(b, StressTree.options());
        assertThat(sha256(a)).isEqualTo(sha256(b));
        Files.delete(a);
        Files.delete(b);
    }

    private static String sha256(Path file) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static long typeBits(EntryType type) {
        return switch (type) {
            case FILE, HARDLINK -> 0100000;
            case DIRECTORY -> 040000;
            case SYMLINK -> 0120000;
            case CHAR_DEVICE -> 020000;
            case BLOCK_DEVICE -> 060000;
            case FIFO -> 010000;
        };
    }
}
