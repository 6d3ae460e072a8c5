package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;

/**
 * Deflates clusters on all cores while the caller sees them in their original order: clusters are
 * collected in batches, each batch is compressed in parallel (every cluster on its own, so the
 * output does not depend on the number of threads) and then handed on one by one. qemu-img
 * compresses in parallel too; a single thread would leave a core idle.
 */
public final class ParallelDeflater implements AutoCloseable {

    /** Receives each cluster in order: its data and its compressed form, or length -1 if it did not fit. */
    @FunctionalInterface
    public interface Sink {
        void cluster(long index, ByteBuffer data, byte[] compressed, int length) throws IOException;
    }

    private static final int BATCH = 64;

    private final int clusterSize;
    private final int level;
    private final boolean zlibHeader;
    private final int maxLength;
    private final int threads;
    private final ExecutorService pool;
    private final byte[] input;
    private final byte[][] output;
    private final int[] lengths;
    private final long[] indexes;
    private int count;

    /**
     * @param zlibHeader RFC 1950 zlib streams (VMDK) rather than raw RFC 1951 deflate (qcow2)
     * @param maxLength  longest compressed form wanted; longer ones are reported as -1
     */
    public ParallelDeflater(int clusterSize, int level, boolean zlibHeader, int maxLength) {
        this.clusterSize = clusterSize;
        this.level = level;
        this.zlibHeader = zlibHeader;
        this.maxLength = maxLength;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "disk-deflate");
            t.setDaemon(true);
            return t;
        });
        this.input = new byte[BATCH * clusterSize];
        this.output = new byte[BATCH][maxLength + 64];
        this.lengths = new int[BATCH];
        this.indexes = new long[BATCH];
    }

    /** Queues one cluster ({@code clusterSize} remaining bytes); may hand earlier ones to {@code sink}. */
    public void add(long index, ByteBuffer data, Sink sink) throws IOException {
        data.duplicate().get(input, count * clusterSize, clusterSize);
        indexes[count++] = index;
        if (count == BATCH) {
            flush(sink);
        }
    }

    /** Compresses and hands on every queued cluster. */
    public void flush(Sink sink) throws IOException {
        if (count == 0) {
            return;
        }
        List<Future<?>> tasks = new ArrayList<>();
        int perThread = (count + threads - 1) / threads;
        for (int from = 0; from < count; from += perThread) {
            int start = from;
            int end = Math.min(count, from + perThread);
            tasks.add(pool.submit(() -> compress(start, end)));
        }
        try {
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("disk image writing was cancelled");
        } catch (ExecutionException e) {
            throw new IllegalStateException("deflate failed", e.getCause());
        }
        for (int i = 0; i < count; i++) {
            sink.cluster(indexes[i], ByteBuffer.wrap(input, i * clusterSize, clusterSize), output[i], lengths[i]);
        }
        count = 0;
    }

    private void compress(int start, int end) {
        Deflater deflater = new Deflater(level, !zlibHeader);
        try {
            for (int i = start; i < end; i++) {
                deflater.reset();
                deflater.setInput(input, i * clusterSize, clusterSize);
                deflater.finish();
                byte[] out = output[i];
                int length = 0;
                while (!deflater.finished() && length < maxLength) {
                    length += deflater.deflate(out, length, maxLength - length);
                }
                lengths[i] = deflater.finished() ? length : -1;
            }
        } finally {
            deflater.end();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
