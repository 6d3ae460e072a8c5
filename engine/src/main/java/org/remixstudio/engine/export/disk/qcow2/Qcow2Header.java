package org.remixstudio.engine.export.disk.qcow2;

import java.nio.ByteBuffer;

/**
 * The qcow2 version 3 header (docs/interop/qcow2.txt "Header"), big-endian: no backing file, no
 * encryption, no snapshots, no feature bits, 16-bit refcounts (refcount_order 4), zlib for
 * compressed clusters (compression_type 0), followed by the end-of-extensions marker ("Header
 * extensions", type 0).
 */
public record Qcow2Header(int clusterBits, long size, int l1Size, long l1TableOffset, long refcountTableOffset,
        int refcountTableClusters) {

    public static final int MAGIC = 0x514649fb; // "QFI\xfb"
    public static final int VERSION = 3;
    public static final int REFCOUNT_ORDER = 4;
    /** 104 bytes of version 3 fields plus compression_type and padding to a multiple of 8. */
    public static final int HEADER_LENGTH = 112;

    /** The header, then the 8-byte end-of-extensions marker. */
    public ByteBuffer encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + 8); // big-endian by default, as qcow2 is
        b.putInt(MAGIC);
        b.putInt(VERSION);
        b.putLong(0); // backing_file_offset
        b.putInt(0); // backing_file_size
        b.putInt(clusterBits);
        b.putLong(size);
        b.putInt(0); // crypt_method
        b.putInt(l1Size);
        b.putLong(l1TableOffset);
        b.putLong(refcountTableOffset);
        b.putInt(refcountTableClusters);
        b.putInt(0); // nb_snapshots
        b.putLong(0); // snapshots_offset
        b.putLong(0); // incompatible_features
        b.putLong(0); // compatible_features
        b.putLong(0); // autoclear_features
        b.putInt(REFCOUNT_ORDER);
        b.putInt(HEADER_LENGTH);
        b.put((byte) 0); // compression_type: zlib
        b.put(new byte[7]); // header padding
        b.putInt(0).putInt(0); // header extension type 0 = end of the extension area, length 0
        return b.flip();
    }
}
