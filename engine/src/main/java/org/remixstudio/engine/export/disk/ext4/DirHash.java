package org.remixstudio.engine.export.disk.ext4;

/**
 * The directory-index name hashes (Documentation/filesystems/ext4/directory.rst, "Hash Tree
 * Directories": legacy, half-MD4 and TEA, each in a signed-char and an unsigned-char variant),
 * ported from e2fsprogs' {@code lib/ext2fs/dirhash.c}. Which variant a filesystem uses is recorded
 * in the super block's {@code s_flags} (signed/unsigned directory hash), the base algorithm in
 * {@code s_def_hash_version} and in each hash-tree root.
 */
final class DirHash {

    static final int LEGACY = 0;
    static final int HALF_MD4 = 1;
    static final int TEA = 2;
    /** Added to a base version for the unsigned-char variant, as e2fsprogs numbers them (3, 4, 5). */
    static final int UNSIGNED_OFFSET = 3;

    private static final int DELTA = 0x9E3779B9;
    private static final int K2 = 013240474631;
    private static final int K3 = 015666365641;
    private static final int EOF_32BIT = 0x7fffffff;

    private final int version;
    private final int[] seed;

    /**
     * @param version 0-5: legacy, half-MD4, TEA, then their unsigned variants
     * @param seed    the super block's {@code s_hash_seed} words; all zero means the default seed
     */
    DirHash(int version, int[] seed) {
        if (version < 0 || version > 5) {
            throw new IllegalArgumentException("unknown directory hash version " + version);
        }
        this.version = version;
        this.seed = seed.clone();
    }

    /** The major hash (low bit clear) in the high 32 bits and the minor hash in the low 32 bits. */
    long hash(byte[] name) {
        int[] buf = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        if (seed[0] != 0 || seed[1] != 0 || seed[2] != 0 || seed[3] != 0) {
            System.arraycopy(seed, 0, buf, 0, 4);
        }
        boolean unsigned = version >= UNSIGNED_OFFSET;
        int hash;
        int minor = 0;
        switch (version % UNSIGNED_OFFSET) {
            case LEGACY -> hash = legacy(name, unsigned);
            case HALF_MD4 -> {
                int[] in = new int[8];
                for (int p = 0, len = name.length; len > 0; len -= 32, p += 32) {
                    toHashBuf(name, p, len, in, 8, unsigned);
                    halfMd4(buf, in);
                }
                hash = buf[1];
                minor = buf[2];
            }
            default -> {
                int[] in = new int[4];
                for (int p = 0, len = name.length; len > 0; len -= 16, p += 16) {
                    toHashBuf(name, p, len, in, 4, unsigned);
                    tea(buf, in);
                }
                hash = buf[0];
                minor = buf[1];
            }
        }
        hash &= ~1;
        if (hash == EOF_32BIT << 1) {
            hash = (EOF_32BIT - 1) << 1;
        }
        return (long) hash << 32 | (minor & 0xffffffffL);
    }

    private static int legacy(byte[] name, boolean unsigned) {
        int hash0 = 0x12a3fe2d;
        int hash1 = 0x37abe8f9;
        for (byte b : name) {
            int c = unsigned ? b & 0xff : b;
            int hash = hash1 + (hash0 ^ (c * 7152373));
            if ((hash & 0x80000000) != 0) {
                hash -= 0x7fffffff;
            }
            hash1 = hash0;
            hash0 = hash;
        }
        return hash0 << 1;
    }

    private static void toHashBuf(byte[] msg, int off, int len, int[] buf, int num, boolean unsigned) {
        int pad = len | len << 8;
        pad |= pad << 16;
        int val = pad;
        int out = 0;
        int n = Math.min(len, num * 4);
        for (int i = 0; i < n; i++) {
            int c = unsigned ? msg[off + i] & 0xff : msg[off + i];
            val = c + (val << 8);
            if (i % 4 == 3) {
                buf[out++] = val;
                val = pad;
                num--;
            }
        }
        if (--num >= 0) {
            buf[out++] = val;
        }
        while (--num >= 0) {
            buf[out++] = pad;
        }
    }

    private static void tea(int[] buf, int[] in) {
        int sum = 0;
        int b0 = buf[0];
        int b1 = buf[1];
        int a = in[0];
        int b = in[1];
        int c = in[2];
        int d = in[3];
        for (int n = 16; n > 0; n--) {
            sum += DELTA;
            b0 += ((b1 << 4) + a) ^ (b1 + sum) ^ ((b1 >>> 5) + b);
            b1 += ((b0 << 4) + c) ^ (b0 + sum) ^ ((b0 >>> 5) + d);
        }
        buf[0] += b0;
        buf[1] += b1;
    }

    private static int f(int x, int y, int z) {
        return z ^ (x & (y ^ z));
    }

    private static int g(int x, int y, int z) {
        return (x & y) + ((x ^ y) & z);
    }

    private static int h(int x, int y, int z) {
        return x ^ y ^ z;
    }

    private static void halfMd4(int[] buf, int[] in) {
        int a = buf[0];
        int b = buf[1];
        int c = buf[2];
        int d = buf[3];
        a = Integer.rotateLeft(a + f(b, c, d) + in[0], 3);
        d = Integer.rotateLeft(d + f(a, b, c) + in[1], 7);
        c = Integer.rotateLeft(c + f(d, a, b) + in[2], 11);
        b = Integer.rotateLeft(b + f(c, d, a) + in[3], 19);
        a = Integer.rotateLeft(a + f(b, c, d) + in[4], 3);
        d = Integer.rotateLeft(d + f(a, b, c) + in[5], 7);
        c = Integer.rotateLeft(c + f(d, a, b) + in[6], 11);
        b = Integer.rotateLeft(b + f(c, d, a) + in[7], 19);

        a = Integer.rotateLeft(a + g(b, c, d) + in[1] + K2, 3);
        d = Integer.rotateLeft(d + g(a, b, c) + in[3] + K2, 5);
        c = Integer.rotateLeft(c + g(d, a, b) + in[5] + K2, 9);
        b = Integer.rotateLeft(b + g(c, d, a) + in[7] + K2, 13);
        a = Integer.rotateLeft(a + g(b, c, d) + in[0] + K2, 3);
        d = Integer.rotateLeft(d + g(a, b, c) + in[2] + K2, 5);
        c = Integer.rotateLeft(c + g(d, a, b) + in[4] + K2, 9);
        b = Integer.rotateLeft(b + g(c, d, a) + in[6] + K2, 13);

        a = Integer.rotateLeft(a + h(b, c, d) + in[3] + K3, 3);
        d = Integer.rotateLeft(d + h(a, b, c) + in[7] + K3, 9);
        c = Integer.rotateLeft(c + h(d, a, b) + in[2] + K3, 11);
        b = Integer.rotateLeft(b + h(c, d, a) + in[6] + K3, 15);
        a = Integer.rotateLeft(a + h(b, c, d) + in[1] + K3, 3);
        d = Integer.rotateLeft(d + h(a, b, c) + in[5] + K3, 9);
        c = Integer.rotateLeft(c + h(d, a, b) + in[0] + K3, 11);
        b = Integer.rotateLeft(b + h(c, d, a) + in[4] + K3, 15);

        buf[0] += a;
        buf[1] += b;
        buf[2] += c;
        buf[3] += d;
    }
}
