package org.remixstudio.engine.export.disk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The bytes of a virtual disk as the format writers read them: its size, the ranges that may hold
 * data (everything else reads as zeros) and a positional reader. A writer that built the image
 * knows which ranges it wrote; a plain file offers its whole length and the format writers then
 * find the zero clusters themselves.
 */
public interface DiskContent {

    /** Virtual size of the disk in bytes. */
    long size();

    /** Sorted, non-overlapping ranges inside {@code [0, size)} that may hold non-zero bytes. */
    List<ByteRange> dataRanges();

    /** Opens a positional reader; the caller closes it. */
    Reader openReader() throws IOException;

    /** Reads the disk's bytes at any position. */
    interface Reader extends Closeable {

        /**
         * Fills {@code buffer} completely with the bytes starting at {@code offset}; bytes past the
         * end of the backing storage read as zeros.
         */
        void read(long offset, ByteBuffer buffer) throws IOException;
    }
}
