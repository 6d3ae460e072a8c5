package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Appends bytes to a file channel from a given position through a 4 MiB buffer, so that the format
 * writers emit large sequential writes however small their pieces (markers, compressed grains).
 */
public final class SequentialOutput {

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(4 * 1024 * 1024);
    private long flushed;

    public SequentialOutput(FileChannel channel, long start) {
        this.channel = channel;
        this.flushed = start;
    }

    /** The file position the next byte goes to. */
    public long position() {
        return flushed + buffer.position();
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(buffer.remaining(), end - pos);
            buffer.put(bytes, pos, n);
            pos += n;
        }
    }

    public void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(buffer.remaining(), bytes.remaining());
            ByteBuffer slice = bytes.slice();
            slice.limit(n);
            buffer.put(slice);
            bytes.position(bytes.position() + n);
        }
    }

    /** Leaves {@code bytes} unwritten (a hole, or filled later by a positional write). */
    public void skip(long bytes) throws IOException {
        flush();
        flushed += bytes;
    }

    /** Writes zeros up to the next multiple of {@code alignment}. */
    public void padTo(long alignment) throws IOException {
        long pad = (alignment - position() % alignment) % alignment;
        byte[] zeros = new byte[(int) Math.min(pad, 65536)];
        while (pad > 0) {
            int n = (int) Math.min(pad, zeros.length);
            write(zeros, 0, n);
            pad -= n;
        }
    }

    public void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            flushed += channel.write(buffer, flushed);
        }
        buffer.clear();
    }
}
