package org.remixstudio.engine.export.disk.ext4;

import java.nio.charset.StandardCharsets;

/**
 * The 1024-byte super block (Documentation/filesystems/ext4/super.rst), as written at byte 1024 of
 * group 0 and at the start of every backup group with only {@code s_block_group_nr} and the
 * checksum differing. Features are those Debian 12's mke2fs gives ext4 minus {@code resize_inode}
 * (no descriptor blocks are reserved for growth: growing online past what the descriptor blocks
 * address makes the kernel switch the filesystem to {@code meta_bg}, which Linux does since 3.7).
 *
 * @param uuid          volume UUID, 16 bytes
 * @param hashSeed      directory hash seed, 16 bytes
 * @param journalBlocks the journal inode's {@code i_block} (60 bytes), backed up in {@code s_jnl_blocks}
 */
record Superblock(Geometry geometry, byte[] uuid, byte[] hashSeed, String label, long time, long freeBlocks,
                  long freeInodes, long reservedBlocks, byte[] journalBlocks, long journalSize) {

    static final int MAGIC = 0xEF53;
    static final int COMPAT = 0x0004 | 0x0008 | 0x0020;                    // has_journal, ext_attr, dir_index
    static final int INCOMPAT = 0x0002 | 0x0040 | 0x0080 | 0x0200;         // filetype, extent, 64bit, flex_bg
    static final int RO_COMPAT = 0x0001 | 0x0002 | 0x0008 | 0x0020 | 0x0040 | 0x0400;
    // sparse_super, large_file, huge_file, dir_nlink, extra_isize, metadata_csum
    static final int FLAG_SIGNED_HASH = 0x1;
    static final int JOURNAL_INODE = 8;

    byte[] encode(int groupNumber) {
        byte[] b = new byte[1024];
        Geometry g = geometry;
        LittleEndian.put32(b, 0x00, g.inodeCount());
        LittleEndian.put32(b, 0x04, g.blockCount());
        LittleEndian.put32(b, 0x08, reservedBlocks);
        LittleEndian.put32(b, 0x0C, freeBlocks);
        LittleEndian.put32(b, 0x10, freeInodes);
        LittleEndian.put32(b, 0x14, 0);                                    // s_first_data_block
        LittleEndian.put32(b, 0x18, Geometry.LOG_BLOCK_SIZE);
        LittleEndian.put32(b, 0x1C, Geometry.LOG_BLOCK_SIZE);
        LittleEndian.put32(b, 0x20, Geometry.BLOCKS_PER_GROUP);
        LittleEndian.put32(b, 0x24, Geometry.BLOCKS_PER_GROUP);
        LittleEndian.put32(b, 0x28, g.inodesPerGroup());
        LittleEndian.put32(b, 0x30, time);                                  // s_wtime
        LittleEndian.put16(b, 0x36, 0xFFFF);                                // s_max_mnt_count = -1
        LittleEndian.put16(b, 0x38, MAGIC);
        LittleEndian.put16(b, 0x3A, 1);                                     // clean
        LittleEndian.put16(b, 0x3C, 1);                                     // errors: continue
        LittleEndian.put32(b, 0x40, time);                                  // s_lastcheck
        LittleEndian.put32(b, 0x4C, 1);                                     // dynamic revision
        LittleEndian.put32(b, 0x54, Geometry.FIRST_INODE);
        LittleEndian.put16(b, 0x58, Geometry.INODE_SIZE);
        LittleEndian.put16(b, 0x5A, groupNumber);
        LittleEndian.put32(b, 0x5C, COMPAT);
        LittleEndian.put32(b, 0x60, INCOMPAT);
        LittleEndian.put32(b, 0x64, RO_COMPAT);
        System.arraycopy(uuid, 0, b, 0x68, 16);
        byte[] name = label.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, b, 0x78, name.length);
        LittleEndian.put32(b, 0xE0, JOURNAL_INODE);
        System.arraycopy(hashSeed, 0, b, 0xEC, 16);
        b[0xFC] = DirHash.HALF_MD4;
        b[0xFD] = 1;                                                        // s_jnl_backup_type: inode blocks
        LittleEndian.put16(b, 0xFE, Geometry.DESC_SIZE);
        LittleEndian.put32(b, 0x100, 0x0004 | 0x0008);                      // default mount: user_xattr, acl
        LittleEndian.put32(b, 0x108, time);                                 // s_mkfs_time
        System.arraycopy(journalBlocks, 0, b, 0x10C, 60);
        LittleEndian.put32(b, 0x10C + 60, journalSize >>> 32);
        LittleEndian.put32(b, 0x10C + 64, journalSize);
        LittleEndian.put32(b, 0x150, g.blockCount() >>> 32);
        LittleEndian.put32(b, 0x154, reservedBlocks >>> 32);
        LittleEndian.put32(b, 0x158, freeBlocks >>> 32);
        LittleEndian.put16(b, 0x15C, Inode.EXTRA_ISIZE);
        LittleEndian.put16(b, 0x15E, Inode.EXTRA_ISIZE);
        LittleEndian.put32(b, 0x160, FLAG_SIGNED_HASH);
        b[0x174] = Geometry.LOG_GROUPS_PER_FLEX;
        b[0x175] = 1;                                                       // checksum type: crc32c
        LittleEndian.put32(b, 0x3FC, Crc32c.update(~0, b, 0, 0x3FC));
        return b;
    }
}
