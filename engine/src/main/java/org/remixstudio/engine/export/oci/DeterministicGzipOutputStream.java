package org.remixstudio.engine.export.oci;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream (RFC 1952, one member) whose bytes depend only on the input and the compression
 * level, compressed on several cores the way pigz does it. The header carries mtime 0, no file name,
 * XFL 0 and OS 255 ("unknown"), unlike {@link java.util.zip.GZIPOutputStream}, whose OS byte (0, FAT)
 * and level cannot be chosen.
 *
 * <p>The input is cut into fixed 1 MiB blocks. Each block becomes a run of raw deflate blocks
 * (RFC 1951) made by its own {@link Deflater}, primed with the last 32 KiB of the block before it as
 * preset dictionary (so matches still reach back across the cut) and ended with a sync flush, which
 * byte-aligns it with an empty stored block; the last block ends the stream instead. The pieces
 * concatenate into one ordinary deflate stream that any gzip reader takes. Because the cuts are fixed
 * and each piece depends only on its block and the 32 KiB before it, the output is the same whatever
 * the number of threads; it costs under 0.1% in size against one deflate stream. The output is
 * identical across runs with the same zlib; a different zlib version may compress differently, so a
 * layer's digest is reproducible per platform build.
 *
 * <p>Blocks, output buffers and deflaters are recycled (a 170 MB layer would otherwise allocate
 * ~370 MB of arrays and 170 zlib states): in the studio, where a build shares the heap with the UI,
 * 1 MiB blocks that outlive a young collection would be promoted and fill the old generation.
 * {@link Deflater#reset()} gives a deflater the state of a new one, so the bytes do not change.
 */
public final class DeterministicGzipOutputStream extends FilterOutputStream {

    static final int BLOCK_SIZE = 1 << 20;
    private static final int DICTIONARY_SIZE = 32 * 1024;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final int level;
    private final ExecutorService workers;
    private final int maxPending;
    private final ArrayDeque<Future<Piece>> pending = new ArrayDeque<>();
    /** The input block of each pending piece, in the same order. */
    private final ArrayDeque<byte[]> pendingBlocks = new ArrayDeque<>();
    /** Input blocks free for reuse (writing thread only). */
    private final ArrayDeque<byte[]> freeBlocks = new ArrayDeque<>();
    /** Output buffers and deflaters free for reuse (any thread). */
    private final ConcurrentLinkedQueue<byte[]> freeOutputs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Deflater> freeDeflaters = new ConcurrentLinkedQueue<>();
    /** The block of the piece written last: the dictionary of the next piece until that is written. */
    private byte[] lastWrittenBlock;
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK_SIZE];
    private int filled;
    /** The block before {@link #block}, whose tail primes the next block's dictionary. */
    private byte[] previous;
    private long inputSize;
    private boolean finished;
    private boolean closed;

    /** Compresses on as many threads as there are processors. */
    public DeterministicGzipOutputStream(OutputStream out, int level) throws IOException {
        this(out, level, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads compressing threads; 1 compresses on the writing thread itself */
    public DeterministicGzipOutputStream(OutputStream out, int level, int threads) throws IOException {
        super(out);
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("gzip level must be 0..9, not " + level);
        }
        this.level = level;
        this.workers = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gzip");
            t.setDaemon(true);
            return t;
        });
        this.maxPending = Math.max(1, threads) * 2;
        out.write(HEADER);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("gzip stream already finished");
        }
        crc.update(b, off, len);
        inputSize += len;
        while (len > 0) {
            if (filled == BLOCK_SIZE) {
                // a full block is sent off only once more input shows that it is not the last one
                submit(false);
            }
            int n = Math.min(len, BLOCK_SIZE - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void submit(boolean last) throws IOException {
        byte[] data = block;
        int length = filled;
        byte[] dictionary = previous;
        if (workers == null) {
            write(compress(data, length, dictionary, last), data);
        } else {
            while (pending.size() >= maxPending) {
                writeOldest();
            }
            pending.add(workers.submit(() -> compress(data, length, dictionary, last)));
            pendingBlocks.add(data);
        }
        previous = data;
        block = last ? null : freeBlocks.isEmpty() ? new byte[BLOCK_SIZE] : freeBlocks.pop();
        filled = 0;
    }

    /** Compressed bytes in a buffer that goes back to the pool once written. */
    private record Piece(byte[] buffer, int length) {
    }

    private Piece compress(byte[] data, int length, byte[] dictionary, boolean last) {
        Deflater deflater = freeDeflaters.poll();
        if (deflater == null) {
            deflater = new Deflater(level, true);
        } else {
            deflater.reset();
        }
        try {
            if (dictionary != null) {
                deflater.setDictionary(dictionary, dictionary.length - DICTIONARY_SIZE, DICTIONARY_SIZE);
            }
            deflater.setInput(data, 0, length);
            if (last) {
                deflater.finish();
            }
            byte[] result = freeOutputs.poll();
            if (result == null) {
                result = new byte[BLOCK_SIZE / 2 + 1024];
            }
            int size = 0;
            while (true) {
                if (size == result.length) {
                    result = Arrays.copyOf(result, result.length * 2);
                }
                int n = deflater.deflate(result, size, result.length - size,
                        last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                size += n;
                // a sync flush is complete once deflate leaves room in the buffer (zlib's deflate(3) contract)
                if (last ? deflater.finished() : size < result.length && deflater.needsInput()) {
                    return new Piece(result, size);
                }
            }
        } finally {
            freeDeflaters.add(deflater);
        }
    }

    /** Writes a piece, returns its buffer to the pool and frees the block before {@code block}. */
    private void write(Piece piece, byte[] block) throws IOException {
        out.write(piece.buffer(), 0, piece.length());
        freeOutputs.add(piece.buffer());
        // the block written before this one was this one's dictionary: no piece needs it any more
        if (lastWrittenBlock != null) {
            freeBlocks.push(lastWrittenBlock);
        }
        lastWrittenBlock = block;
    }

    private void writeOldest() throws IOException {
        Future<Piece> next = pending.remove();
        byte[] data = pendingBlocks.remove();
        try {
            write(next.get(), data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("gzip compression was interrupted");
        } catch (ExecutionException e) {
            throw new IOException("gzip compression failed: " + e.getCause(), e.getCause());
        }
    }

    /** Writes the remaining compressed data and the trailer without closing the underlying stream. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        submit(true);
        while (!pending.isEmpty()) {
            writeOldest();
        }
        finished = true;
        stopWorkers();
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
            stopWorkers();
            out.close();
        }
    }

    private void stopWorkers() {
        if (workers != null) {
            pending.forEach(f -> f.cancel(true));
            workers.shutdownNow();
        }
        // the pooled deflaters' native memory; one still in a cancelled worker's hands is freed by its cleaner
        for (Deflater d = freeDeflaters.poll(); d != null; d = freeDeflaters.poll()) {
            d.end();
        }
    }
}
