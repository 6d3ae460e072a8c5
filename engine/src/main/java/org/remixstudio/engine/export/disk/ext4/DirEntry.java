package org.remixstudio.engine.export.disk.ext4;

/**
 * One name in a directory (Documentation/filesystems/ext4/directory.rst, {@code struct
 * ext4_dir_entry_2}): the name bytes, the inode it names and the {@code filetype} code.
 */
record DirEntry(byte[] name, long inode, int fileType) {

    static final int TYPE_FILE = 1;
    static final int TYPE_DIR = 2;
    static final int TYPE_CHR = 3;
    static final int TYPE_BLK = 4;
    static final int TYPE_FIFO = 5;
    static final int TYPE_SYMLINK = 7;

    /** Bytes the entry takes at its minimum: 8-byte header plus the name, padded to 4. */
    int recordLength() {
        return (8 + name.length + 3) & ~3;
    }
}
