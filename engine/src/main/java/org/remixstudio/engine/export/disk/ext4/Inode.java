package org.remixstudio.engine.export.disk.ext4;

import java.time.Instant;

/**
 * One 256-byte inode (Documentation/filesystems/ext4/inodes.rst, "Inode Table" and "Inode
 * Timestamps"): 128 base bytes plus 32 extra bytes ({@code extra_isize}) holding the checksum's
 * high half, nanoseconds and the creation time, then the in-inode extended attribute area.
 *
 * @param mode       file type and permission bits ({@code i_mode})
 * @param sectors    512-byte sectors in use, including extent-tree and xattr blocks ({@code i_blocks})
 * @param flags      {@code i_flags}, e.g. extents or hash-indexed directory
 * @param blockArea  the 60-byte {@code i_block}: extent tree root, fast symlink target or device number
 * @param fileAcl    block holding the extended attributes, 0 for none
 * @param xattrArea  the in-inode extended attribute area (96 bytes) or empty for none
 */
record Inode(int mode, long uid, long gid, long size, int links, long sectors, int flags, byte[] blockArea,
             long fileAcl, Instant atime, Instant ctime, Instant mtime, Instant crtime, byte[] xattrArea) {

    static final int S_IFIFO = 0x1000;
    static final int S_IFCHR = 0x2000;
    static final int S_IFDIR = 0x4000;
    static final int S_IFBLK = 0x6000;
    static final int S_IFREG = 0x8000;
    static final int S_IFLNK = 0xA000;
    static final int FLAG_INDEX = 0x1000;
    static final int FLAG_EXTENTS = 0x80000;
    static final int EXTRA_ISIZE = 32;
    /** Where the in-inode extended attributes start: after the base inode and the extra fields. */
    static final int XATTR_OFFSET = 128 + EXTRA_ISIZE;
    static final int XATTR_AREA = Geometry.INODE_SIZE - XATTR_OFFSET;

    byte[] encode(Checksums checksums, long inodeNumber) {
        byte[] b = new byte[Geometry.INODE_SIZE];
        LittleEndian.put16(b, 0x00, mode);
        LittleEndian.put16(b, 0x02, (int) uid);
        LittleEndian.put32(b, 0x04, size);
        LittleEndian.put32(b, 0x08, atime.getEpochSecond());
        LittleEndian.put32(b, 0x0C, ctime.getEpochSecond());
        LittleEndian.put32(b, 0x10, mtime.getEpochSecond());
        LittleEndian.put16(b, 0x18, (int) gid);
        LittleEndian.put16(b, 0x1A, links);
        LittleEndian.put32(b, 0x1C, sectors);
        LittleEndian.put32(b, 0x20, flags);
        System.arraycopy(blockArea, 0, b, 0x28, 60);
        LittleEndian.put32(b, 0x68, fileAcl);
        LittleEndian.put32(b, 0x6C, size >>> 32);
        LittleEndian.put16(b, 0x74, (int) (sectors >>> 32));
        LittleEndian.put16(b, 0x76, (int) (fileAcl >>> 32));
        LittleEndian.put16(b, 0x78, (int) (uid >>> 16));
        LittleEndian.put16(b, 0x7A, (int) (gid >>> 16));
        LittleEndian.put16(b, 0x80, EXTRA_ISIZE);
        LittleEndian.put32(b, 0x84, extraTime(ctime));
        LittleEndian.put32(b, 0x88, extraTime(mtime));
        LittleEndian.put32(b, 0x8C, extraTime(atime));
        LittleEndian.put32(b, 0x90, crtime.getEpochSecond());
        LittleEndian.put32(b, 0x94, extraTime(crtime));
        System.arraycopy(xattrArea, 0, b, XATTR_OFFSET, xattrArea.length);
        int crc = Crc32c.update(checksums.inodeSeed(inodeNumber, 0), b);
        LittleEndian.put16(b, 0x7C, crc);
        LittleEndian.put16(b, 0x82, crc >>> 16);
        return b;
    }

    /**
     * The {@code *_extra} field: two epoch bits extending the signed 32-bit seconds to 2446, then
     * nanoseconds (inodes.rst "Inode Timestamps").
     */
    static long extraTime(Instant t) {
        long seconds = t.getEpochSecond();
        long epoch = ((seconds - (int) seconds) >> 32) & 3;
        return epoch | ((long) t.getNano() << 2);
    }

    /** Whether ext4 can record {@code t}: 1901-12-13 to 2446-05-10. */
    static boolean representable(Instant t) {
        long s = t.getEpochSecond();
        return s >= Integer.MIN_VALUE && s < (1L << 34) + Integer.MIN_VALUE;
    }
}
