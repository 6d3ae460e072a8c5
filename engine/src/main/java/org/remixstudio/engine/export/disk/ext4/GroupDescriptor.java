package org.remixstudio.engine.export.disk.ext4;

/**
 * One 64-byte block group descriptor (Documentation/filesystems/ext4/group_descr.rst), with the
 * bitmap checksums ("Checksums": crc32c of the bitmap seeded by the filesystem, split in 16-bit
 * halves) and its own checksum (crc32c over the group number and the descriptor, low 16 bits).
 */
record GroupDescriptor(long blockBitmap, long inodeBitmap, long inodeTable, int freeBlocks, int freeInodes,
                       int usedDirs, int flags, int blockBitmapCsum, int inodeBitmapCsum, int itableUnused) {

    static final int INODE_UNINIT = 0x1;
    static final int ITABLE_ZEROED = 0x4;

    void encodeInto(byte[] table, int off, int group, Checksums checksums) {
        byte[] d = new byte[Geometry.DESC_SIZE];
        LittleEndian.put32(d, 0x00, blockBitmap);
        LittleEndian.put32(d, 0x04, inodeBitmap);
        LittleEndian.put32(d, 0x08, inodeTable);
        LittleEndian.put16(d, 0x0C, freeBlocks);
        LittleEndian.put16(d, 0x0E, freeInodes);
        LittleEndian.put16(d, 0x10, usedDirs);
        LittleEndian.put16(d, 0x12, flags);
        LittleEndian.put16(d, 0x18, blockBitmapCsum);
        LittleEndian.put16(d, 0x1A, inodeBitmapCsum);
        LittleEndian.put16(d, 0x1C, itableUnused);
        LittleEndian.put32(d, 0x20, blockBitmap >>> 32);
        LittleEndian.put32(d, 0x24, inodeBitmap >>> 32);
        LittleEndian.put32(d, 0x28, inodeTable >>> 32);
        LittleEndian.put16(d, 0x2C, freeBlocks >>> 16);
        LittleEndian.put16(d, 0x2E, freeInodes >>> 16);
        LittleEndian.put16(d, 0x30, usedDirs >>> 16);
        LittleEndian.put16(d, 0x32, itableUnused >>> 16);
        LittleEndian.put16(d, 0x38, blockBitmapCsum >>> 16);
        LittleEndian.put16(d, 0x3A, inodeBitmapCsum >>> 16);
        int crc = Crc32c.update(Crc32c.updateLe32(checksums.fsSeed(), group), d);
        LittleEndian.put16(d, 0x1E, crc);
        System.arraycopy(d, 0, table, off, d.length);
    }
}
