package org.remixstudio.engine.export.disk.ext4;

/** How big the filesystem is: an exact size, or the smallest size that holds the tree plus some free space. */
public sealed interface Ext4Size {

    /** Exactly {@code bytes}, rounded down to whole blocks (a partition's size). */
    record Fixed(long bytes) implements Ext4Size {
        public Fixed {
            if (bytes <= 0) {
                throw new IllegalArgumentException("filesystem size must be positive, not " + bytes);
            }
        }
    }

    /** The minimal size for the tree plus {@code freeBytes} of free space for the running system. */
    record ContentPlus(long freeBytes) implements Ext4Size {
        public ContentPlus {
            if (freeBytes < 0) {
                throw new IllegalArgumentException("free space must not be negative, not " + freeBytes);
            }
        }
    }

    static Ext4Size fixed(long bytes) {
        return new Fixed(bytes);
    }

    static Ext4Size contentPlus(long freeBytes) {
        return new ContentPlus(freeBytes);
    }
}
