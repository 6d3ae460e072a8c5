package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a file's extent tree (Documentation/filesystems/ext4/dynamic.rst "Extent Tree"): up to four
 * extents live in the inode's {@code i_block}; more go into full leaf blocks of 340 entries, with as
 * many index levels as needed to get back to four entries in the inode. Leaves and index blocks are
 * packed full, so e2fsck never finds a tree that "could be narrower" or "shorter". Each tree block
 * ends with {@code struct ext4_extent_tail}, a crc32c seeded by the inode.
 */
final class ExtentTree {

    private static final int MAGIC = 0xF30A;
    private static final int HEADER = 12;
    private static final int ENTRY = 12;
    private static final int IN_INODE = 4;
    static final int PER_BLOCK = (Geometry.BLOCK_SIZE - HEADER - 4) / ENTRY;

    /** The {@code i_block} content and how many tree blocks were written. */
    record Built(byte[] blockArea, int treeBlocks) {
    }

    private ExtentTree() {
    }

    /** Tree blocks a file with {@code extents} extents needs. */
    static long treeBlocks(long extents) {
        long total = 0;
        long level = extents;
        while (level > IN_INODE) {
            level = (level + PER_BLOCK - 1) / PER_BLOCK;
            total += level;
        }
        return total;
    }

    static Built write(List<Extent> extents, BlockAllocator allocator, ImageWriter out, int inodeSeed, String path)
            throws IOException {
        List<byte[]> entries = new ArrayList<>(extents.size());
        List<Long> firsts = new ArrayList<>(extents.size());
        for (Extent e : extents) {
            byte[] entry = new byte[ENTRY];
            LittleEndian.put32(entry, 0, e.logical());
            LittleEndian.put16(entry, 4, e.length());
            LittleEndian.put16(entry, 6, (int) (e.physical() >>> 32));
            LittleEndian.put32(entry, 8, e.physical());
            entries.add(entry);
            firsts.add(e.logical());
        }
        int depth = 0;
        int written = 0;
        while (entries.size() > IN_INODE) {
            List<byte[]> upper = new ArrayList<>();
            List<Long> upperFirsts = new ArrayList<>();
            for (int i = 0; i < entries.size(); i += PER_BLOCK) {
                int n = Math.min(PER_BLOCK, entries.size() - i);
                byte[] block = new byte[Geometry.BLOCK_SIZE];
                header(block, n, PER_BLOCK, depth);
                for (int k = 0; k < n; k++) {
                    System.arraycopy(entries.get(i + k), 0, block, HEADER + k * ENTRY, ENTRY);
                }
                int tail = HEADER + PER_BLOCK * ENTRY;
                LittleEndian.put32(block, tail, Crc32c.update(inodeSeed, block, 0, tail));
                long physical = allocator.allocate(path);
                out.writeRaw(physical, block, 0, block.length);
                written++;
                byte[] index = new byte[ENTRY];
                LittleEndian.put32(index, 0, firsts.get(i));
                LittleEndian.put32(index, 4, physical);
                LittleEndian.put16(index, 8, (int) (physical >>> 32));
                upper.add(index);
                upperFirsts.add(firsts.get(i));
            }
            entries = upper;
            firsts = upperFirsts;
            depth++;
        }
        byte[] root = new byte[60];
        header(root, entries.size(), IN_INODE, depth);
        for (int k = 0; k < entries.size(); k++) {
            System.arraycopy(entries.get(k), 0, root, HEADER + k * ENTRY, ENTRY);
        }
        return new Built(root, written);
    }

    private static void header(byte[] b, int entries, int max, int depth) {
        LittleEndian.put16(b, 0, MAGIC);
        LittleEndian.put16(b, 2, entries);
        LittleEndian.put16(b, 4, max);
        LittleEndian.put16(b, 6, depth);
    }
}
