package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Visits the clusters of a disk that hold data, in ascending order: the clusters the content's data
 * ranges touch, read in batches of about 1 MiB, each handed on unless it is all zeros. qcow2
 * clusters, VMDK grains and the blocks of a raw copy are all found this way.
 */
public final class ClusterScanner {

    /**
     * Receives one non-zero cluster as a buffer of exactly {@code clusterSize} remaining bytes,
     * valid only during the call.
     */
    @FunctionalInterface
    public interface Visitor {
        void cluster(long index, ByteBuffer data) throws IOException;
    }

    private static final int BATCH_BYTES = 1024 * 1024;

    private ClusterScanner() {
    }

    /** Scans {@code content} in clusters of {@code clusterSize} bytes; the last may be zero-padded. */
    public static void scan(DiskContent content, int clusterSize, Visitor visitor) throws IOException {
        int batchClusters = Math.max(1, BATCH_BYTES / clusterSize);
        // A direct buffer: the channel reads straight into it, and ByteBuffer.mismatch compares it
        // with zeros as fast as Arrays.mismatch does arrays.
        ByteBuffer buffer = ByteBuffer.allocateDirect(batchClusters * clusterSize);
        ByteBuffer zeros = ByteBuffer.allocateDirect(clusterSize);
        long size = content.size();
        long next = 0; // first cluster not yet visited
        try (DiskContent.Reader reader = content.openReader()) {
            for (ByteRange range : content.dataRanges()) {
                if (range.length() == 0 || range.offset() >= size) {
                    continue;
                }
                long first = Math.max(next, range.offset() / clusterSize);
                long last = (Math.min(range.end(), size) - 1) / clusterSize;
                for (long c = first; c <= last; c += batchClusters) {
                    ZeroBlocks.checkCancelled();
                    int count = (int) Math.min(batchClusters, last - c + 1);
                    long offset = c * clusterSize;
                    int length = (int) Math.min((long) count * clusterSize, size - offset);
                    buffer.clear().limit(length);
                    reader.read(offset, buffer);
                    buffer.limit(count * clusterSize);
                    while (buffer.hasRemaining()) {
                        buffer.put((byte) 0); // the zero padding of a partial last cluster
                    }
                    for (int i = 0; i < count; i++) {
                        ByteBuffer cluster = buffer.clear().position(i * clusterSize).limit((i + 1) * clusterSize).slice();
                        if (cluster.mismatch(zeros) >= 0) {
                            visitor.cluster(c + i, cluster);
                        }
                    }
                }
                next = Math.max(next, last + 1);
            }
        }
    }
}
