package org.remixstudio.engine.export.disk.qcow2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.remixstudio.engine.export.disk.ClusterScanner;
import org.remixstudio.engine.export.disk.DiskContent;
import org.remixstudio.engine.export.disk.ParallelDeflater;
import org.remixstudio.engine.export.disk.SequentialOutput;

/**
 * Converts a disk to qcow2 version 3 (QEMU docs/interop/qcow2.txt) in one sequential pass: the header
 * in cluster 0, then the clusters that hold data in guest order (all-zero clusters stay unallocated
 * and read as zeros), then the L2 tables, the L1 table, the refcount blocks and the refcount table
 * ("Cluster mapping", "Host cluster management"). 64 KiB clusters, 16-bit refcounts. With
 * compression, each cluster is raw-deflated ("Compressed Clusters Descriptor", zlib without its
 * header, compression_type 0) and packed byte-wise, unless deflate does not make it smaller; a host
 * cluster shared by several compressed clusters gets one reference per cluster, as {@code qemu-img
 * check} counts them. The same input gives the same bytes.
 */
public final class Qcow2Writer {

    public static final int CLUSTER_BITS = 16;
    public static final int CLUSTER_SIZE = 1 << CLUSTER_BITS;
    static final int L2_ENTRIES = CLUSTER_SIZE / 8;
    static final int REFCOUNTS_PER_BLOCK = CLUSTER_SIZE * 8 / 16;
    static final long COPIED = 1L << 63; // refcount is exactly one (L1 and standard L2 entries)
    static final long COMPRESSED = 1L << 62;
    /** Bits 0 to x-1 of a compressed descriptor hold the offset, x = 62 - (cluster_bits - 8). */
    static final int CSIZE_SHIFT = 62 - (CLUSTER_BITS - 8);
    private static final int COMPRESSION_LEVEL = 6;

    private final boolean compress;

    /** @param compress store clusters raw-deflated where that makes them smaller */
    public Qcow2Writer(boolean compress) {
        this.compress = compress;
    }

    /** Writes {@code content} as a qcow2 image at the start of the empty channel {@code out}. */
    public void write(DiskContent content, FileChannel out) throws IOException {
        long size = content.size();
        long guestClusters = (size + CLUSTER_SIZE - 1) / CLUSTER_SIZE;
        int l1Size = (int) Math.max(1, (guestClusters + L2_ENTRIES - 1) / L2_ENTRIES);
        long[][] l2 = new long[l1Size][];
        Refcounts refcounts = new Refcounts();
        refcounts.add(0); // the header cluster

        SequentialOutput o = new SequentialOutput(out, CLUSTER_SIZE);
        CompressedArea area = new CompressedArea(out, o, refcounts);
        ParallelDeflater.Sink place = (index, data, compressed, length) -> {
            long entry;
            if (length > 0) {
                long start = area.append(compressed, length);
                long additionalSectors = ((start + length - 1) >> 9) - (start >> 9);
                entry = COMPRESSED | (additionalSectors << CSIZE_SHIFT) | start;
            } else {
                long start = o.position();
                o.write(data);
                entry = COPIED | start;
                refcounts.add(start / CLUSTER_SIZE);
            }
            int l1Index = (int) (index / L2_ENTRIES);
            if (l2[l1Index] == null) {
                l2[l1Index] = new long[L2_ENTRIES];
            }
            l2[l1Index][(int) (index % L2_ENTRIES)] = entry;
        };
        if (compress) {
            // Compressed only where that saves at least a sector.
            try (ParallelDeflater deflater = new ParallelDeflater(CLUSTER_SIZE, COMPRESSION_LEVEL, false,
                    CLUSTER_SIZE - 512)) {
                ClusterScanner.scan(content, CLUSTER_SIZE, (index, data) -> deflater.add(index, data, place));
                deflater.flush(place);
            }
            area.close();
        } else {
            ClusterScanner.scan(content, CLUSTER_SIZE, (index, data) -> place.cluster(index, data, null, -1));
        }
        long[] l1 = new long[l1Size];
        ByteBuffer table = ByteBuffer.allocate(CLUSTER_SIZE);
        for (int i = 0; i < l1Size; i++) {
            if (l2[i] != null) {
                l1[i] = COPIED | o.position();
                refcounts.add(o.position() / CLUSTER_SIZE);
                table.clear();
                table.asLongBuffer().put(l2[i]);
                o.write(table);
            }
        }
        long l1Offset = o.position();
        int l1Clusters = (int) ((l1Size * 8L + CLUSTER_SIZE - 1) / CLUSTER_SIZE);
        ByteBuffer l1Bytes = ByteBuffer.allocate(l1Clusters * CLUSTER_SIZE);
        l1Bytes.asLongBuffer().put(l1);
        o.write(l1Bytes);
        for (int i = 0; i < l1Clusters; i++) {
            refcounts.add(l1Offset / CLUSTER_SIZE + i);
        }

        // The refcount blocks and table count themselves: grow them until they cover every cluster.
        long before = o.position() / CLUSTER_SIZE;
        long blocks = 0;
        long tableClusters = 0;
        while (true) {
            long total = before + blocks + tableClusters;
            long neededBlocks = (total + REFCOUNTS_PER_BLOCK - 1) / REFCOUNTS_PER_BLOCK;
            long neededTable = Math.max(1, (neededBlocks * 8 + CLUSTER_SIZE - 1) / CLUSTER_SIZE);
            if (neededBlocks == blocks && neededTable == tableClusters) {
                break;
            }
            blocks = neededBlocks;
            tableClusters = neededTable;
        }
        long blocksOffset = o.position();
        for (long c = before; c < before + blocks + tableClusters; c++) {
            refcounts.add(c);
        }
        ByteBuffer block = ByteBuffer.allocate(CLUSTER_SIZE);
        for (long b = 0; b < blocks; b++) {
            block.clear();
            for (int i = 0; i < REFCOUNTS_PER_BLOCK; i++) {
                block.putShort((short) refcounts.get(b * REFCOUNTS_PER_BLOCK + i));
            }
            o.write(block.flip());
        }
        long tableOffset = o.position();
        ByteBuffer refTable = ByteBuffer.allocate((int) (tableClusters * CLUSTER_SIZE));
        for (long b = 0; b < blocks; b++) {
            refTable.putLong(blocksOffset + b * CLUSTER_SIZE);
        }
        o.write(refTable.clear());
        o.flush();

        ByteBuffer header = new Qcow2Header(CLUSTER_BITS, size, l1Size, l1Offset, tableOffset, (int) tableClusters)
                .encode();
        while (header.hasRemaining()) {
            out.write(header, header.position());
        }
    }

    /**
     * Host clusters that collect compressed clusters byte by byte, as qemu's own allocator does: the
     * area cluster is reserved in the sequential output (left as a hole there) and written when
     * full, so uncompressed clusters keep streaming out in between without padding. A compressed
     * cluster that does not fit the area's rest continues into the next host cluster only when that
     * one is still free (the spec lets its sectors run into the next contiguous cluster); otherwise
     * the area closes and a new one starts.
     */
    private static final class CompressedArea {
        private final FileChannel channel;
        private final SequentialOutput output;
        private final Refcounts refcounts;
        private final byte[] buffer = new byte[CLUSTER_SIZE];
        private long cluster = -1;
        private int fill;

        CompressedArea(FileChannel channel, SequentialOutput output, Refcounts refcounts) {
            this.channel = channel;
            this.output = output;
            this.refcounts = refcounts;
        }

        /** Stores {@code bytes[0, length)}; returns the host offset it starts at. */
        long append(byte[] bytes, int length) throws IOException {
            if (cluster < 0 || (fill + length > CLUSTER_SIZE && !isLastAllocated())) {
                close();
                open();
            }
            long start = cluster * CLUSTER_SIZE + fill;
            int done = 0;
            while (done < length) {
                if (fill == CLUSTER_SIZE) {
                    close();
                    open(); // contiguous: nothing was allocated after the full area cluster
                }
                int n = Math.min(length - done, CLUSTER_SIZE - fill);
                System.arraycopy(bytes, done, buffer, fill, n);
                if (fill == 0 || done == 0) {
                    refcounts.add(cluster);
                }
                fill += n;
                done += n;
            }
            return start;
        }

        private boolean isLastAllocated() {
            return (cluster + 1) * CLUSTER_SIZE == output.position();
        }

        private void open() throws IOException {
            cluster = output.position() / CLUSTER_SIZE;
            output.skip(CLUSTER_SIZE);
            fill = 0;
        }

        /** Writes the area cluster's used sectors in place. */
        void close() throws IOException {
            if (cluster < 0) {
                return;
            }
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, (fill + 511) / 512 * 512);
            long position = cluster * CLUSTER_SIZE;
            while (b.hasRemaining()) {
                position += channel.write(b, position);
            }
            Arrays.fill(buffer, (byte) 0);
            cluster = -1;
        }
    }

    /** Reference counts per host cluster, growing as clusters are used. */
    private static final class Refcounts {
        private int[] counts = new int[1024];

        void add(long cluster) {
            if (cluster >= counts.length) {
                counts = Arrays.copyOf(counts, (int) Math.max(cluster + 1, counts.length * 2L));
            }
            int c = ++counts[(int) cluster];
            if (c > 0xFFFF) {
                throw new IllegalStateException("refcount of host cluster " + cluster + " exceeds 16 bits");
            }
        }

        int get(long cluster) {
            return cluster < counts.length ? counts[(int) cluster] : 0;
        }
    }
}
