package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Writes filesystem blocks into the image at the partition's offset, never writing an all-zero
 * block: the image is a fresh sparse file whose unwritten blocks already read as zeros, so holes
 * stay holes (and a qcow2 made from it stays small).
 */
final class ImageWriter {

    private static final byte[] ZERO = new byte[Geometry.BLOCK_SIZE];

    private final FileChannel channel;
    private final long offset;

    ImageWriter(FileChannel channel, long offset) {
        this.channel = channel;
        this.offset = offset;
    }

    static boolean isZero(byte[] data, int off) {
        return Arrays.mismatch(data, off, off + Geometry.BLOCK_SIZE, ZERO, 0, Geometry.BLOCK_SIZE) < 0;
    }

    /** Writes {@code blocks} whole blocks from {@code data[off..]} at block {@code block}, skipping zero blocks. */
    void writeBlocks(long block, byte[] data, int off, int blocks) throws IOException {
        int runStart = -1;
        for (int i = 0; i <= blocks; i++) {
            boolean zero = i == blocks || isZero(data, off + i * Geometry.BLOCK_SIZE);
            if (!zero && runStart < 0) {
                runStart = i;
            } else if (zero && runStart >= 0) {
                writeRaw(block + runStart, data, off + runStart * Geometry.BLOCK_SIZE, (i - runStart) * Geometry.BLOCK_SIZE);
                runStart = -1;
            }
        }
    }

    /** Writes bytes already known to be non-zero, at a byte position inside block {@code block}. */
    void writeRaw(long block, byte[] data, int off, int len) throws IOException {
        writeAt((long) block * Geometry.BLOCK_SIZE, data, off, len);
    }

    /**
     * Makes the image at least {@code fsBytes} long past the offset, so tools see the whole filesystem:
     * one zero byte at the very end (a hole everywhere else).
     */
    void ensureLength(long fsBytes) throws IOException {
        if (channel.size() < offset + fsBytes) {
            writeAt(fsBytes - 1, new byte[1], 0, 1);
        }
    }

    void writeAt(long fsPosition, byte[] data, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(data, off, len);
        long pos = offset + fsPosition;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }
}
