package org.remixstudio.engine.export.oci;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream (RFC 1952) whose bytes depend only on the input and the compression level: the
 * header carries mtime 0, no file name, XFL 0 and OS 255 ("unknown"), unlike
 * {@link java.util.zip.GZIPOutputStream}, whose header is fixed too but whose OS byte (0, FAT) and
 * level cannot be chosen. Output is identical across runs with the same zlib; a different zlib
 * version may compress differently, so a layer's digest is reproducible per platform build.
 */
public final class DeterministicGzipOutputStream extends FilterOutputStream {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[1 << 16];
    private long inputSize;
    private boolean closed;

    public DeterministicGzipOutputStream(OutputStream out, int level) throws IOException {
        super(out);
        this.deflater = new Deflater(level, true);
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        crc.update(b, off, len);
        inputSize += len;
        deflater.setInput(b, off, len);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
    }

    private void drain(int flush) throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length, flush);
        if (n > 0) {
            out.write(buffer, 0, n);
        }
    }

    /** Writes the remaining compressed data and the trailer without closing the underlying stream. */
    public void finish() throws IOException {
        if (deflater.finished()) {
            return;
        }
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH);
        }
        writeIntLe((int) crc.getValue());
        writeIntLe((int) inputSize); // ISIZE is the input size modulo 2^32
    }

    private void writeIntLe(int v) throws IOException {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 24) & 0xff);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finish();
        } finally {
            deflater.end();
            out.close();
        }
    }
}
