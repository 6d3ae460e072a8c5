package org.remixstudio.engine.tree;

/** The kind of a tree entry, one per tar type flag that a root filesystem may hold (POSIX ustar typeflag). */
public enum EntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    /** A hard link to an entry seen earlier in the same tree; its link target is that entry's path. */
    HARDLINK,
    CHAR_DEVICE,
    BLOCK_DEVICE,
    FIFO;

    /** Whether entries of this type carry device major/minor numbers. */
    public boolean isDevice() {
        return this == CHAR_DEVICE || this == BLOCK_DEVICE;
    }
}
