package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Vectors from e2fsprogs 1.47.0 itself: {@code debugfs -R "dx_hash -h VERSION -s SEED NAME"}, with
 * SEED {@code 66666666-7777-8888-9999-aaaaaaaaaaaa} or none (the default seed).
 */
class DirHashTest {

    /** The seed UUID's bytes read as four little-endian words, as s_hash_seed is. */
    private static final int[] SEED = {0x66666666, 0x88887777, 0xaaaa9999, 0xaaaaaaaa};
    private static final int[] NO_SEED = {0, 0, 0, 0};
    private static final byte[] ASCII = "hello-world.txt".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UTF8 = "héllo-wörld.txt".getBytes(StandardCharsets.UTF_8);

    private static long hash(int version, int[] seed, byte[] name) {
        return new DirHash(version, seed).hash(name);
    }

    private static long of(int major, int minor) {
        return (long) major << 32 | (minor & 0xFFFFFFFFL);
    }

    @Test
    void legacy_matchesE2fsprogs() {
        assertThat(hash(0, SEED, ASCII)).isEqualTo(of(0x79413e1e, 0));
        assertThat(hash(0, SEED, UTF8)).isEqualTo(of(0xa3459134, 0));
        assertThat(hash(0, NO_SEED, UTF8)).isEqualTo(of(0xa3459134, 0));
    }

    @Test
    void halfMd4_matchesE2fsprogs() {
        assertThat(hash(1, SEED, ASCII)).isEqualTo(of(0x0de59974, 0x503ee6dc));
        assertThat(hash(1, SEED, UTF8)).isEqualTo(of(0x46eed7dc, 0xe4e073e3));
        assertThat(hash(1, NO_SEED, UTF8)).isEqualTo(of(0x8ee3cefa, 0xbb95a1ed));
        assertThat(hash(1, SEED, ".".getBytes(StandardCharsets.UTF_8))).isEqualTo(of(0x70bfdaa4, 0x8b14519c));
    }

    @Test
    void halfMd4_nameLongerThanOneRound_matchesE2fsprogs() {
        byte[] name = ("n".repeat(40) + "é").getBytes(StandardCharsets.UTF_8);
        assertThat(hash(1, SEED, name)).isEqualTo(of(0xb78f274a, 0x0d82f0c5));
    }

    @Test
    void tea_matchesE2fsprogs() {
        assertThat(hash(2, SEED, ASCII)).isEqualTo(of(0x0005133c, 0xa9dd90b6));
        assertThat(hash(2, SEED, UTF8)).isEqualTo(of(0x2ef7e562, 0x1dd03287));
        assertThat(hash(2, NO_SEED, UTF8)).isEqualTo(of(0x1f70b090, 0x7848ae21));
    }

    @Test
    void unsignedVariants_differOnlyForBytesAbove127() {
        assertThat(hash(3, SEED, UTF8)).isEqualTo(of(0x4e0775c0, 0));
        assertThat(hash(4, SEED, UTF8)).isEqualTo(of(0x5e0b52c2, 0x7b76c3b8));
        assertThat(hash(5, SEED, UTF8)).isEqualTo(of(0x8d14b8e2, 0x0cb2b2c6));
        assertThat(hash(4, SEED, ASCII)).isEqualTo(hash(1, SEED, ASCII));
    }

    @Test
    void hash_alwaysHasTheLowBitClear() {
        for (int i = 0; i < 1000; i++) {
            assertThat(hash(1, SEED, ("f" + i).getBytes(StandardCharsets.UTF_8)) >>> 32 & 1).isZero();
        }
    }
}
