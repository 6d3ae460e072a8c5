package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupDescriptorTest {

    private final Checksums checksums = new Checksums(new byte[16]);

    private byte[] encode(GroupDescriptor d, int group) {
        byte[] table = new byte[64];
        d.encodeInto(table, 0, group, checksums);
        return table;
    }

    private static GroupDescriptor sample() {
        return new GroupDescriptor(0x1_0000_0010L, 0x20, 0x30, 70000, 8000, 12, GroupDescriptor.ITABLE_ZEROED,
                0xAABBCCDD, 0x11223344, 8000);
    }

    @Test
    void encodeInto_splitsWideFieldsIntoLowAndHighHalves() {
        byte[] d = encode(sample(), 0);
        assertThat(LittleEndian.get32(d, 0x00)).isEqualTo(0x10);
        assertThat(LittleEndian.get32(d, 0x20)).isEqualTo(1);
        assertThat(LittleEndian.get16(d, 0x0C) | LittleEndian.get16(d, 0x2C) << 16).isEqualTo(70000);
        assertThat(LittleEndian.get16(d, 0x18)).isEqualTo(0xCCDD);
        assertThat(LittleEndian.get16(d, 0x38)).isEqualTo(0xAABB);
        assertThat(LittleEndian.get16(d, 0x1A)).isEqualTo(0x3344);
        assertThat(LittleEndian.get16(d, 0x3A)).isEqualTo(0x1122);
        assertThat(LittleEndian.get16(d, 0x12)).isEqualTo(GroupDescriptor.ITABLE_ZEROED);
    }

    @Test
    void checksum_isCrc32cOfGroupNumberAndDescriptor_low16Bits() {
        byte[] d = encode(sample(), 5);
        int stored = LittleEndian.get16(d, 0x1E);
        byte[] zeroed = d.clone();
        LittleEndian.put16(zeroed, 0x1E, 0);
        int expected = Crc32c.update(Crc32c.updateLe32(checksums.fsSeed(), 5), zeroed) & 0xFFFF;
        assertThat(stored).isEqualTo(expected);
        assertThat(LittleEndian.get16(encode(sample(), 6), 0x1E)).isNotEqualTo(stored);
    }
}
