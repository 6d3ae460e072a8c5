package org.remixstudio.engine.export.disk.ext4;

/**
 * The fixed shape of a filesystem (Documentation/filesystems/ext4/overview.rst "Blocks", "Block
 * Groups", "Flexible Block Groups" and "Meta Block Groups"/sparse_super): block count, 32768-block
 * groups, inodes per group, group-descriptor table size, which groups carry super block backups
 * ({@code sparse_super}: 0, 1 and powers of 3, 5, 7) and the journal size.
 */
record Geometry(long blockCount, int groupCount, int inodesPerGroup, int gdtBlocks, int journalBlocks) {

    static final int BLOCK_SIZE = 4096;
    static final int LOG_BLOCK_SIZE = 2;
    static final int BLOCKS_PER_GROUP = 8 * BLOCK_SIZE;
    static final int INODE_SIZE = 256;
    static final int DESC_SIZE = 64;
    static final int LOG_GROUPS_PER_FLEX = 4;
    static final int GROUPS_PER_FLEX = 1 << LOG_GROUPS_PER_FLEX;
    /** Inodes 1-10 are reserved; 11 is the first ordinary inode ({@code s_first_ino}). */
    static final int FIRST_INODE = 11;
    private static final int INODES_PER_BLOCK = BLOCK_SIZE / INODE_SIZE;
    /** A last group shorter than this is dropped, as mke2fs does, so it can hold its own metadata. */
    static final int MIN_LAST_GROUP = 256;
    /** The smallest filesystem mke2fs gives a journal (2048 blocks, 8 MiB). */
    static final long MIN_BLOCKS = 2048;

    /**
     * The geometry for about {@code requestedBlocks} blocks.
     *
     * @param minInodes at least this many inodes in total, whatever the ratio says
     */
    static Geometry of(long requestedBlocks, int bytesPerInode, long minInodes, int journalBlocksOption) {
        long blocks = requestedBlocks;
        if (blocks < MIN_BLOCKS) {
            throw new IllegalArgumentException("an ext4 filesystem with a journal needs at least "
                    + MIN_BLOCKS * BLOCK_SIZE / 1024 / 1024 + " MiB, not " + blocks * BLOCK_SIZE + " bytes");
        }
        if (blocks > (1L << 32) * BLOCKS_PER_GROUP / 2) {
            throw new IllegalArgumentException("filesystem of " + blocks + " blocks is too large");
        }
        long groups = (blocks + BLOCKS_PER_GROUP - 1) / BLOCKS_PER_GROUP;
        long last = blocks - (groups - 1) * BLOCKS_PER_GROUP;
        if (groups > 1 && last < MIN_LAST_GROUP) {
            groups--;
            blocks = groups * BLOCKS_PER_GROUP;
        }
        long byRatio = blocks * BLOCK_SIZE / bytesPerInode;
        long wanted = Math.max(byRatio, minInodes);
        long ipg = (wanted + groups - 1) / groups;
        ipg = Math.max(INODES_PER_BLOCK, (ipg + INODES_PER_BLOCK - 1) / INODES_PER_BLOCK * INODES_PER_BLOCK);
        if (ipg > BLOCKS_PER_GROUP) {
            if (minInodes > (long) BLOCKS_PER_GROUP * groups) {
                throw new IllegalArgumentException("a filesystem of " + blocks * BLOCK_SIZE + " bytes holds at most "
                        + (long) BLOCKS_PER_GROUP * groups + " inodes, but the tree needs " + minInodes);
            }
            ipg = BLOCKS_PER_GROUP;
        }
        int gdt = (int) ((groups * DESC_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE);
        int journal = journalBlocksOption != 0 ? journalBlocksOption : defaultJournalBlocks(blocks);
        return new Geometry(blocks, (int) groups, (int) ipg, gdt, journal);
    }

    /** e2fsprogs' {@code ext2fs_default_journal_size} (lib/ext2fs/mkjournal.c). */
    static int defaultJournalBlocks(long blocks) {
        if (blocks < 32768) {
            return 1024;
        } else if (blocks < 256 * 1024) {
            return 4096;
        } else if (blocks < 512 * 1024) {
            return 8192;
        } else if (blocks < 4096 * 1024) {
            return 16384;
        } else if (blocks < 8192 * 1024) {
            return 32768;
        } else if (blocks < 16384 * 1024) {
            return 65536;
        } else if (blocks < 32768 * 1024) {
            return 131072;
        }
        return 262144;
    }

    long inodeCount() {
        return (long) inodesPerGroup * groupCount;
    }

    int inodeTableBlocks() {
        return inodesPerGroup / INODES_PER_BLOCK;
    }

    long groupStart(int group) {
        return (long) group * BLOCKS_PER_GROUP;
    }

    int groupBlocks(int group) {
        return (int) Math.min(BLOCKS_PER_GROUP, blockCount - groupStart(group));
    }

    static boolean hasSuperblock(int group) {
        return group == 0 || group == 1 || isPower(group, 3) || isPower(group, 5) || isPower(group, 7);
    }

    private static boolean isPower(int n, int base) {
        long p = base;
        while (p < n) {
            p *= base;
        }
        return p == n;
    }

    /** Blocks the filesystem itself uses before any file: super blocks, descriptors, bitmaps, inode tables, journal. */
    long overheadBlocks() {
        long total = (long) groupCount * (2 + inodeTableBlocks()) + journalBlocks;
        for (int g = 0; g < groupCount; g++) {
            if (hasSuperblock(g)) {
                total += 1 + gdtBlocks;
            }
        }
        return total;
    }
}
