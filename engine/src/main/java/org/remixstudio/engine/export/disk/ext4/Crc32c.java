package org.remixstudio.engine.export.disk.ext4;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) the way ext4's {@code metadata_csum} uses it
 * (Documentation/filesystems/ext4/overview.rst, "Checksums"): the caller passes the running value
 * as the seed and no final inversion is applied, so checksums can be chained over several pieces.
 * {@link java.util.zip.CRC32C} cannot take a seed, hence this table-driven version; it only ever
 * runs over metadata, never over file content.
 */
final class Crc32c {

    private static final int[] TABLE = table();

    private Crc32c() {
    }

    /** The raw CRC register after feeding {@code len} bytes into a register holding {@code seed}. */
    static int update(int seed, byte[] b, int off, int len) {
        int crc = seed;
        for (int i = off, end = off + len; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ b[i]) & 0xff];
        }
        return crc;
    }

    static int update(int seed, byte[] b) {
        return update(seed, b, 0, b.length);
    }

    /** Feeds a little-endian 32-bit value (inode and group numbers are checksummed this way). */
    static int updateLe32(int seed, long value) {
        byte[] b = new byte[4];
        LittleEndian.put32(b, 0, value);
        return update(seed, b, 0, 4);
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            }
            t[n] = c;
        }
        return t;
    }
}
