package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;

/**
 * Writes a disk as a raw image: a sparse file of the disk's size in which only the 64 KiB blocks
 * that hold data are written; everything else is a hole that reads as zeros.
 */
public final class RawImageWriter {

    static final int BLOCK = 64 * 1024;

    public void write(DiskContent content, RandomAccessFile out) throws IOException {
        out.setLength(0);
        long size = content.size();
        ClusterScanner.scan(content, BLOCK, (index, data) -> {
            long position = index * BLOCK;
            ByteBuffer b = data.limit((int) Math.min(BLOCK, size - position));
            while (b.hasRemaining()) {
                position += out.getChannel().write(b, position);
            }
        });
        out.setLength(size);
    }
}
