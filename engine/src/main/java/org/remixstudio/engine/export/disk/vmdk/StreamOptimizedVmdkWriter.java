package org.remixstudio.engine.export.disk.vmdk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.remixstudio.engine.export.disk.ClusterScanner;
import org.remixstudio.engine.export.disk.DiskContent;
import org.remixstudio.engine.export.disk.ParallelDeflater;
import org.remixstudio.engine.export.disk.SequentialOutput;

/**
 * Writes a streamOptimized VMDK (VMware Virtual Disk Format 1.1, "Stream-Optimized Compressed
 * Sparse Extents"), the single-file format VirtualBox and VMware import: the header with the grain
 * directory "at end", the embedded descriptor, then for each 64 KiB grain that holds data a grain
 * marker (its first sector and compressed size) and the grain deflated in zlib format, each starting
 * on a sector; after the grains of each 32 MiB span their grain table behind a grain table marker;
 * at the end the grain directory behind its marker, the footer (the header again with the real grain
 * directory offset) behind its marker, and the end-of-stream marker. Grain tables without any grain
 * are left out (directory entry 0), as VMware and VirtualBox do. Deterministic: same input and
 * identity, same bytes.
 */
public final class StreamOptimizedVmdkWriter {

    /** The disk's identity in the descriptor: the file's own name, content ID and image UUID. */
    public record Identity(String fileName, int contentId, UUID imageId) {
    }

    static final int SECTOR = 512;
    static final int GRAIN_SIZE = (int) (SparseExtentHeader.GRAIN_SECTORS * SECTOR);
    static final int MARKER_EOS = 0;
    static final int MARKER_GT = 1;
    static final int MARKER_GD = 2;
    static final int MARKER_FOOTER = 3;
    private static final int GT_SECTORS = SparseExtentHeader.GTES_PER_GT * 4 / SECTOR;
    private static final int COMPRESSION_LEVEL = 6;

    public void write(DiskContent content, Identity identity, FileChannel out) throws IOException {
        long size = content.size();
        if (size % SECTOR != 0) {
            throw new IllegalArgumentException("a VMDK disk size must be a multiple of 512 bytes, not " + size);
        }
        long capacity = size / SECTOR;
        long grains = (capacity + SparseExtentHeader.GRAIN_SECTORS - 1) / SparseExtentHeader.GRAIN_SECTORS;
        int tables = (int) ((grains + SparseExtentHeader.GTES_PER_GT - 1) / SparseExtentHeader.GTES_PER_GT);
        int[] directory = new int[tables];

        SequentialOutput o = new SequentialOutput(out, 0);
        o.write(new SparseExtentHeader(capacity, SparseExtentHeader.GD_AT_END).encode());
        byte[] descriptor = new VmdkDescriptor(identity.fileName(), capacity, identity.contentId(), identity.imageId())
                .text().getBytes(StandardCharsets.US_ASCII);
        if (descriptor.length > SparseExtentHeader.DESCRIPTOR_SECTORS * SECTOR) {
            throw new IllegalArgumentException("VMDK descriptor for '" + identity.fileName() + "' is too long");
        }
        o.write(descriptor, 0, descriptor.length);
        o.padTo(SparseExtentHeader.OVERHEAD_SECTORS * SECTOR);

        ByteBuffer marker = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        int[] table = new int[SparseExtentHeader.GTES_PER_GT];
        int[] current = {-1}; // the grain table being filled
        ParallelDeflater.Sink place = (index, data, compressed, length) -> {
            int t = (int) (index / SparseExtentHeader.GTES_PER_GT);
            if (t != current[0]) {
                if (current[0] >= 0) {
                    directory[current[0]] = writeTable(o, table);
                }
                java.util.Arrays.fill(table, 0);
                current[0] = t;
            }
            table[(int) (index % SparseExtentHeader.GTES_PER_GT)] = sector(o.position());
            marker.clear();
            marker.putLong(index * SparseExtentHeader.GRAIN_SECTORS).putInt(length);
            o.write(marker.flip());
            o.write(compressed, 0, length);
            o.padTo(SECTOR);
        };
        // Deflate never grows 64 KiB by more than a few dozen bytes, so every grain fits twice its size.
        try (ParallelDeflater deflater = new ParallelDeflater(GRAIN_SIZE, COMPRESSION_LEVEL, true, GRAIN_SIZE * 2)) {
            ClusterScanner.scan(content, GRAIN_SIZE, (index, data) -> deflater.add(index, data, place));
            deflater.flush(place);
        }
        if (current[0] >= 0) {
            directory[current[0]] = writeTable(o, table);
        }

        int directorySectors = (tables * 4 + SECTOR - 1) / SECTOR;
        writeMarker(o, directorySectors, MARKER_GD);
        long directorySector = sector(o.position());
        ByteBuffer gd = ByteBuffer.allocate(directorySectors * SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        gd.asIntBuffer().put(directory);
        o.write(gd);
        writeMarker(o, 1, MARKER_FOOTER);
        o.write(new SparseExtentHeader(capacity, directorySector).encode());
        writeMarker(o, 0, MARKER_EOS);
        o.flush();
    }

    /** A grain table behind its marker; returns the table's sector for the grain directory. */
    private static int writeTable(SequentialOutput o, int[] table) throws IOException {
        writeMarker(o, GT_SECTORS, MARKER_GT);
        int at = sector(o.position());
        ByteBuffer b = ByteBuffer.allocate(GT_SECTORS * SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(table);
        o.write(b);
        return at;
    }

    /** A metadata marker sector: numSectors of what follows, size 0, type, zero padding. */
    private static void writeMarker(SequentialOutput o, long sectors, int type) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(sectors).putInt(0).putInt(type);
        o.write(b.clear());
    }

    private static int sector(long position) {
        long s = position / SECTOR;
        if (s > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("the VMDK file would pass 2 TiB, beyond its 32-bit sector offsets");
        }
        return (int) s;
    }
}
