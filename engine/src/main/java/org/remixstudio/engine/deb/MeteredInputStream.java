package org.remixstudio.engine.deb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes read through it and fails once more than {@code max} arrive, so a decompressor
 * can never produce more than a package is allowed to unpack. Closing it leaves the source open,
 * because the source is the {@code ar} member stream that the archive reader still owns.
 */
final class MeteredInputStream extends FilterInputStream {

    private final long max;
    private final Supplier<RuntimeException> overLimit;
    private long count;

    MeteredInputStream(InputStream in, long max, Supplier<RuntimeException> overLimit) {
        super(in);
        this.max = max;
        this.overLimit = overLimit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            account(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            account(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            account(skipped);
        }
        return skipped;
    }

    /** Reads and discards everything left, returning how many bytes that was. */
    long drain() throws IOException {
        long before = count;
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // keep reading: the point is to reach the end (and the compressor's integrity check)
        }
        return count - before;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the owner of the underlying stream closes it
    }

    private void account(long n) {
        count += n;
        if (count > max) {
            throw overLimit.get();
        }
    }
}
