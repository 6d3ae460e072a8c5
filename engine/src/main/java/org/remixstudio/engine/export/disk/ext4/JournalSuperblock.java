package org.remixstudio.engine.export.disk.ext4;

/**
 * The first block of an empty, clean internal jbd2 journal (Documentation/filesystems/ext4/
 * journal.rst "Super Block", big-endian): version 2 super block, first log block 1, sequence 1,
 * {@code s_start} 0 (nothing to replay), one user, no optional features (the kernel turns on
 * journal checksums itself on a {@code metadata_csum} filesystem).
 */
final class JournalSuperblock {

    private static final long MAGIC = 0xC03B3998L;
    private static final int SUPERBLOCK_V2 = 4;

    private JournalSuperblock() {
    }

    static byte[] encode(int journalBlocks, byte[] uuid) {
        byte[] b = new byte[Geometry.BLOCK_SIZE];
        LittleEndian.putBe32(b, 0x00, MAGIC);
        LittleEndian.putBe32(b, 0x04, SUPERBLOCK_V2);
        LittleEndian.putBe32(b, 0x0C, Geometry.BLOCK_SIZE);
        LittleEndian.putBe32(b, 0x10, journalBlocks);
        LittleEndian.putBe32(b, 0x14, 1);
        LittleEndian.putBe32(b, 0x18, 1);
        System.arraycopy(uuid, 0, b, 0x30, 16);
        LittleEndian.putBe32(b, 0x40, 1);
        return b;
    }
}
