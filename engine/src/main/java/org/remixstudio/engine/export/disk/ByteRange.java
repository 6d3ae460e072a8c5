package org.remixstudio.engine.export.disk;

/**
 * A run of bytes in a disk image: where it starts and how long it is. Disk content is described
 * as a list of these so that format writers visit only the parts that may hold data.
 */
public record ByteRange(long offset, long length) {

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("byte range must not be negative: offset " + offset + ", length " + length);
        }
    }

    /** The first byte after the range. */
    public long end() {
        return offset + length;
    }
}
