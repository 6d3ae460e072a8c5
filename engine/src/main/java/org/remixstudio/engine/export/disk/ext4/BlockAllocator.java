package org.remixstudio.engine.export.disk.ext4;

import org.remixstudio.engine.api.EngineException;

/**
 * The in-use block map while the filesystem is written; at the end it is the block bitmap of every
 * group (Documentation/filesystems/ext4/bitmaps.rst: bit {@code n} of a group's bitmap, least
 * significant bit first, is block {@code n} of the group). Blocks past the end of the filesystem in
 * the last group are marked in use, as the bitmap's padding must be.
 */
final class BlockAllocator {

    private final long[] bits;
    private final long blockCount;
    private long cursor;

    BlockAllocator(Geometry geometry) {
        this.blockCount = geometry.blockCount();
        long slots = (long) geometry.groupCount() * Geometry.BLOCKS_PER_GROUP;
        this.bits = new long[(int) (slots / 64)];
        for (long b = blockCount; b < slots; b++) {
            set(b);
        }
    }

    private void set(long b) {
        bits[(int) (b >>> 6)] |= 1L << (b & 63);
    }

    boolean isUsed(long b) {
        return (bits[(int) (b >>> 6)] & (1L << (b & 63))) != 0;
    }

    void markUsed(long start, long count) {
        for (long b = start; b < start + count; b++) {
            set(b);
        }
    }

    /** The first block at or after {@code from} that is free, or -1. */
    long nextFree(long from) {
        if (from >= blockCount) {
            return -1;
        }
        int word = (int) (from >>> 6);
        long w = ~bits[word] & (-1L << (from & 63));
        while (w == 0) {
            if (++word >= bits.length) {
                return -1;
            }
            w = ~bits[word];
        }
        long b = ((long) word << 6) + Long.numberOfTrailingZeros(w);
        return b < blockCount ? b : -1;
    }

    /** Allocates {@code count} contiguous blocks, the first fit at or after {@code from}. */
    long allocateRun(long from, long count, String what) {
        long start = nextFree(from);
        while (start >= 0) {
            long end = start;
            while (end < start + count && end < blockCount && !isUsed(end)) {
                end++;
            }
            if (end == start + count) {
                markUsed(start, count);
                return start;
            }
            start = nextFree(end);
        }
        throw full(what);
    }

    /**
     * Allocates the next free block after the previous one handed out (sequential, so files stay
     * contiguous) for the tree path {@code path}, named in the error when the filesystem is full.
     */
    long allocate(String path) {
        long b = nextFree(cursor);
        if (b < 0) {
            throw full("'" + path + "'");
        }
        set(b);
        cursor = b + 1;
        return b;
    }

    void moveCursor(long block) {
        cursor = block;
    }

    private EngineException full(String what) {
        return new EngineException("the ext4 filesystem of " + blockCount * Geometry.BLOCK_SIZE
                + " bytes is full while writing " + what + "; give a larger disk size");
    }

    /** The group's block bitmap, one block. */
    byte[] groupBitmap(int group) {
        byte[] out = new byte[Geometry.BLOCK_SIZE];
        int first = group * (Geometry.BLOCKS_PER_GROUP / 64);
        for (int i = 0; i < Geometry.BLOCKS_PER_GROUP / 64; i++) {
            LittleEndian.put64(out, i * 8, bits[first + i]);
        }
        return out;
    }

    /** Free blocks of the group (its padding past the end of the filesystem counts as used). */
    int groupFree(int group) {
        int used = 0;
        int first = group * (Geometry.BLOCKS_PER_GROUP / 64);
        for (int i = 0; i < Geometry.BLOCKS_PER_GROUP / 64; i++) {
            used += Long.bitCount(bits[first + i]);
        }
        return Geometry.BLOCKS_PER_GROUP - used;
    }
}
