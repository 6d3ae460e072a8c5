package org.remixstudio.engine.export.disk.vmdk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The hosted sparse extent header (VMware Virtual Disk Format 1.1, "Hosted Sparse Extent Header"),
 * little-endian, one sector, as a streamOptimized extent carries it twice: at the start with the
 * grain directory offset "at end" and, as the footer, with the real offset ("Stream-Optimized
 * Compressed Sparse Extents").
 */
public record SparseExtentHeader(long capacitySectors, long grainDirectorySector) {

    public static final int MAGIC = 0x564d444b; // "KDMV" as a little-endian number
    public static final int VERSION = 3;
    /** Valid newline detection (bit 0), compressed grains (bit 16), markers (bit 17). */
    public static final int FLAGS = 1 | (1 << 16) | (1 << 17);
    public static final long GRAIN_SECTORS = 128;
    public static final long DESCRIPTOR_SECTOR = 1;
    public static final long DESCRIPTOR_SECTORS = 20;
    public static final int GTES_PER_GT = 512;
    /** The header and descriptor occupy the first 64 KiB; grains start after them. */
    public static final long OVERHEAD_SECTORS = 128;
    public static final long GD_AT_END = -1L;
    public static final int COMPRESSION_DEFLATE = 1;

    public ByteBuffer encode() {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC);
        b.putInt(VERSION);
        b.putInt(FLAGS);
        b.putLong(capacitySectors);
        b.putLong(GRAIN_SECTORS);
        b.putLong(DESCRIPTOR_SECTOR);
        b.putLong(DESCRIPTOR_SECTORS);
        b.putInt(GTES_PER_GT);
        b.putLong(0); // rgdOffset: no redundant grain directory in a stream
        b.putLong(grainDirectorySector);
        b.putLong(OVERHEAD_SECTORS);
        b.put((byte) 0); // uncleanShutdown
        b.put((byte) '\n'); // singleEndLineChar, nonEndLineChar, doubleEndLineChar1/2: newline detection
        b.put((byte) ' ');
        b.put((byte) '\r');
        b.put((byte) '\n');
        b.putShort((short) COMPRESSION_DEFLATE);
        return b.clear();
    }
}
