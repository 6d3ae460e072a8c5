package org.remixstudio.engine.export.disk.ext4;

import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) the way ext4's {@code metadata_csum} uses it
 * (Documentation/filesystems/ext4/overview.rst, "Checksums"): the caller passes the running value
 * as the seed and no final inversion is applied, so checksums can be chained over several pieces.
 *
 * <p>The work is done by {@link CRC32C} (hardware-accelerated, even before the JIT warms up), which
 * always starts from {@code ~0}. To start from any other seed, four bytes are fed first that take the
 * register from {@code ~0} to the seed: a CRC register is reachable from any other in exactly four
 * bytes, found by walking the table backwards ("CRC forcing").
 */
final class Crc32c {

    private static final int[] TABLE = new int[256];
    /** {@code INVERSE[t]} is the table index whose entry has {@code t} as its top byte. */
    private static final int[] INVERSE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            }
            TABLE[n] = c;
            INVERSE[c >>> 24] = n;
        }
    }

    private Crc32c() {
    }

    /** The raw CRC register after feeding {@code len} bytes into a register holding {@code seed}. */
    static int update(int seed, byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        if (seed != ~0) {
            crc.update(prefixFor(seed));
        }
        crc.update(b, off, len);
        return ~(int) crc.getValue();
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

    /** The plain table-driven register update, one byte at a time: the reference the fast path is tested against. */
    static int updateByTable(int seed, byte[] b, int off, int len) {
        int crc = seed;
        for (int i = off, end = off + len; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ b[i]) & 0xff];
        }
        return crc;
    }

    /**
     * Four bytes taking the register from {@code ~0} to {@code target}. After four steps the register
     * is {@code T[i0]>>>24 ^ T[i1]>>>16 ^ T[i2]>>>8 ^ T[i3]}, whatever it held before, so the indices
     * are read off the target's bytes from the top down, then the bytes that hit them are chosen.
     */
    static byte[] prefixFor(int target) {
        int i3 = INVERSE[target >>> 24];
        int z = target ^ TABLE[i3];
        int i2 = INVERSE[(z >>> 16) & 0xff];
        z ^= TABLE[i2] >>> 8;
        int i1 = INVERSE[(z >>> 8) & 0xff];
        z ^= TABLE[i1] >>> 16;
        int i0 = INVERSE[z & 0xff];
        int[] indices = {i0, i1, i2, i3};
        byte[] prefix = new byte[4];
        int state = ~0;
        for (int k = 0; k < 4; k++) {
            prefix[k] = (byte) ((state ^ indices[k]) & 0xff);
            state = (state >>> 8) ^ TABLE[indices[k]];
        }
        return prefix;
    }
}
