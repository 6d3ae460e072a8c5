package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryBlocksTest {

    private static final int SEED = 0x1234;
    private final DirectoryBlocks blocks = new DirectoryBlocks(new DirHash(DirHash.HALF_MD4, new int[] {1, 2, 3, 4})::hash,
            DirHash.HALF_MD4);

    private static List<DirEntry> names(int count, int length) {
        List<DirEntry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = String.format("%06d", i);
            out.add(new DirEntry((n + "x".repeat(Math.max(0, length - n.length()))).getBytes(StandardCharsets.UTF_8),
                    100 + i, DirEntry.TYPE_FILE));
        }
        return out;
    }

    @Test
    void build_smallDirectory_isOneLinearBlockStartingWithDotAndDotDot() {
        DirectoryBlocks.Built built = blocks.build(12, 2, names(3, 8), 1, SEED, "d");
        assertThat(built.indexed()).isFalse();
        assertThat(built.blocks()).hasSize(1);
        byte[] b = built.blocks().get(0);
        assertThat(LittleEndian.get32(b, 0)).isEqualTo(12);
        assertThat(LittleEndian.get16(b, 4)).isEqualTo(12);
        assertThat(b[8]).isEqualTo((byte) '.');
        assertThat(LittleEndian.get32(b, 12)).isEqualTo(2);
        assertThat(new String(b, 20, 2, StandardCharsets.US_ASCII)).isEqualTo("..");
    }

    @Test
    void build_everyLeafEndsWithAChecksummedTail() {
        byte[] b = blocks.build(12, 2, names(3, 8), 1, SEED, "d").blocks().get(0);
        int tail = 4096 - 12;
        assertThat(LittleEndian.get16(b, tail + 4)).isEqualTo(12);
        assertThat(b[tail + 7]).isEqualTo((byte) 0xDE);
        assertThat((int) LittleEndian.get32(b, tail + 8)).isEqualTo(Crc32c.update(SEED, b, 0, tail));
    }

    @Test
    void build_recordLengthsTileTheBlockUpToTheTail() {
        for (byte[] b : blocks.build(12, 2, names(3, 8), 4, SEED, "lost+found").blocks()) {
            int pos = 0;
            while (pos < 4096 - 12) {
                int rec = LittleEndian.get16(b, pos + 4);
                assertThat(rec).isPositive();
                assertThat(rec % 4).isZero();
                pos += rec;
            }
            assertThat(pos).isEqualTo(4096 - 12);
        }
    }

    @Test
    void build_minimumBlocks_padsWithEmptyBlocks() {
        assertThat(blocks.build(11, 2, List.of(), 4, SEED, "lost+found").blocks()).hasSize(4);
    }

    @Test
    void build_largerThanABlock_isAHashTreeWithOneLevel() {
        DirectoryBlocks.Built built = blocks.build(12, 2, names(1000, 20), 1, SEED, "d");
        assertThat(built.indexed()).isTrue();
        byte[] root = built.blocks().get(0);
        assertThat(root[0x18 + 4]).isEqualTo((byte) DirHash.HALF_MD4);
        assertThat(root[0x18 + 5]).isEqualTo((byte) 8);
        assertThat(root[0x18 + 6]).isZero();
        assertThat(LittleEndian.get16(root, 0x20)).isEqualTo(DirectoryBlocks.ROOT_LIMIT);
        assertThat(LittleEndian.get16(root, 0x22)).isEqualTo(built.blocks().size() - 1);
    }

    @Test
    void build_hashTreeHashesAscend_andLeavesHoldOnlyTheirRange() {
        DirHash hash = new DirHash(DirHash.HALF_MD4, new int[] {1, 2, 3, 4});
        List<byte[]> all = blocks.build(12, 2, names(2000, 30), 1, SEED, "d").blocks();
        byte[] root = all.get(0);
        int count = LittleEndian.get16(root, 0x22);
        long previous = -1;
        for (int i = 1; i < count; i++) {
            long h = LittleEndian.get32(root, 0x20 + i * 8);
            assertThat(h).isGreaterThanOrEqualTo(previous);
            previous = h;
            long leaf = LittleEndian.get32(root, 0x20 + i * 8 + 4);
            byte[] first = firstName(all.get((int) leaf));
            assertThat(hash.hash(first) >>> 32).isEqualTo(h & ~1L);
        }
    }

    @Test
    void build_beyondTheRootLimit_addsAnIndexLevel() {
        DirectoryBlocks.Built built = blocks.build(12, 2, names(9000, 250), 1, SEED, "d");
        byte[] root = built.blocks().get(0);
        assertThat(root[0x18 + 6]).isEqualTo((byte) 1);
        long node = LittleEndian.get32(root, 0x24);
        byte[] n = built.blocks().get((int) node);
        assertThat(LittleEndian.get16(n, 4)).isEqualTo(4096);                  // fake empty dirent spanning the block
        assertThat(LittleEndian.get16(n, 8)).isEqualTo(DirectoryBlocks.NODE_LIMIT);
    }

    @Test
    void build_leafStartingInsideARunOfEqualHashes_isMarkedAsAContinuation() {
        // names 0-999 hash to 0x100 (major), 1000-1999 to 0x200: each run spans several leaves
        DirectoryBlocks colliding = new DirectoryBlocks(name -> {
            int i = Integer.parseInt(new String(name, 0, 6, StandardCharsets.US_ASCII));
            return (i < 1000 ? 0x100L : 0x200L) << 32 | i;
        }, DirHash.HALF_MD4);
        List<byte[]> all = colliding.build(12, 2, names(2000, 30), 1, SEED, "d").blocks();
        byte[] root = all.get(0);
        int count = LittleEndian.get16(root, 0x22);
        List<Long> hashes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            hashes.add(LittleEndian.get32(root, 0x20 + i * 8));
        }
        // every leaf after the first starts inside a run, so every index entry carries the continuation bit
        assertThat(hashes).contains(0x101L, 0x201L).allMatch(h -> h == 0x101L || h == 0x200L || h == 0x201L)
                .isSorted();
    }

    private static byte[] firstName(byte[] leaf) {
        int len = leaf[6] & 0xff;
        return java.util.Arrays.copyOfRange(leaf, 8, 8 + len);
    }
}
