package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InodeTest {

    @Test
    void extraTime_holdsNanosecondsAndEpochBits() {
        assertThat(Inode.extraTime(Instant.ofEpochSecond(0, 5))).isEqualTo(5 << 2);
        assertThat(Inode.extraTime(Instant.ofEpochSecond(-1))).isZero();
        assertThat(Inode.extraTime(Instant.parse("2100-01-01T00:00:00Z"))).isEqualTo(1);
    }

    @Test
    void representable_coversExt4sRange() {
        assertThat(Inode.representable(Instant.parse("1901-12-14T00:00:00Z"))).isTrue();
        assertThat(Inode.representable(Instant.parse("2446-05-10T00:00:00Z"))).isTrue();
        assertThat(Inode.representable(Instant.parse("1900-01-01T00:00:00Z"))).isFalse();
        assertThat(Inode.representable(Instant.parse("2500-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void encode_splitsIdsAndChecksum() {
        Instant t = Instant.ofEpochSecond(1000, 7);
        Inode inode = new Inode(Inode.S_IFREG | 0644, 0x12345, 0x6789A, 5L << 32 | 3, 1, 8, Inode.FLAG_EXTENTS,
                new byte[60], 0, t, t, t, t, new byte[0]);
        Checksums checksums = new Checksums(new byte[16]);
        byte[] b = inode.encode(checksums, 42);
        assertThat(LittleEndian.get16(b, 0x02) | LittleEndian.get16(b, 0x78) << 16).isEqualTo(0x12345);
        assertThat(LittleEndian.get16(b, 0x18) | LittleEndian.get16(b, 0x7A) << 16).isEqualTo(0x6789A);
        assertThat(LittleEndian.get32(b, 0x6C)).isEqualTo(5);
        assertThat(LittleEndian.get16(b, 0x80)).isEqualTo(32);
        int crc = LittleEndian.get16(b, 0x7C) | LittleEndian.get16(b, 0x82) << 16;
        byte[] zeroed = b.clone();
        LittleEndian.put16(zeroed, 0x7C, 0);
        LittleEndian.put16(zeroed, 0x82, 0);
        assertThat(crc).isEqualTo(Crc32c.update(checksums.inodeSeed(42, 0), zeroed));
    }
}
