package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.remixstudio.engine.export.disk.ImageSink;

/**
 * Writes filesystem blocks into the image at the partition's offset, never writing an all-zero
 * block: the image is a fresh sparse file whose unwritten blocks already read as zeros, so holes
 * stay holes (and a qcow2 made from it stays small).
 */
final class ImageWriter {

    private static final byte[] ZERO = new byte[Geometry.BLOCK_SIZE];

    private final ImageSink sink;

    /** @param sink the partition: positions are relative to the filesystem's first byte */
    ImageWriter(ImageSink sink) {
        this.sink = sink;
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

    void writeAt(long fsPosition, byte[] data, int off, int len) throws IOException {
        sink.write(fsPosition, ByteBuffer.wrap(data, off, len));
    }
}
