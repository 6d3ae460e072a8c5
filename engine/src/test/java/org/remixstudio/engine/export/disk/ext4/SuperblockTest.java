package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuperblockTest {

    private static final byte[] UUID = FilesystemAssembler.uuidBytes(java.util.UUID.fromString(
            "11111111-2222-3333-4444-555555555555"));

    private static Superblock sample() {
        Geometry g = Geometry.of(100_000, 16384, 0, 0);
        return new Superblock(g, UUID, new byte[16], "root", 1_700_000_000L, 90_000, 24_000, 5_000, new byte[60],
                16L << 20);
    }

    @Test
    void encode_placesTheFieldsAtTheirOffsets() {
        byte[] b = sample().encode(0);
        assertThat(LittleEndian.get16(b, 0x38)).isEqualTo(0xEF53);
        assertThat(LittleEndian.get32(b, 0x04)).isEqualTo(100_000);
        assertThat(LittleEndian.get32(b, 0x0C)).isEqualTo(90_000);
        assertThat(LittleEndian.get32(b, 0x10)).isEqualTo(24_000);
        assertThat(LittleEndian.get32(b, 0x18)).isEqualTo(2);                      // 4 KiB blocks
        assertThat(LittleEndian.get32(b, 0x20)).isEqualTo(32768);
        assertThat(LittleEndian.get16(b, 0x58)).isEqualTo(256);
        assertThat(LittleEndian.get16(b, 0xFE)).isEqualTo(64);
        assertThat(LittleEndian.get32(b, 0xE0)).isEqualTo(8);                      // journal inode
        assertThat(new String(b, 0x78, 4, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("root");
        assertThat(java.util.Arrays.copyOfRange(b, 0x68, 0x78)).isEqualTo(UUID);
        assertThat(b[0x175]).isEqualTo((byte) 1);                                   // crc32c
    }

    @Test
    void encode_checksumCoversEverythingBeforeIt() {
        byte[] b = sample().encode(0);
        assertThat((int) LittleEndian.get32(b, 0x3FC)).isEqualTo(Crc32c.update(~0, b, 0, 0x3FC));
    }

    @Test
    void encode_backupCopiesDifferOnlyInGroupNumberAndChecksum() {
        byte[] primary = sample().encode(0);
        byte[] backup = sample().encode(3);
        assertThat(LittleEndian.get16(backup, 0x5A)).isEqualTo(3);
        for (int i = 0; i < 1024; i++) {
            if (i != 0x5A && i != 0x5B && i < 0x3FC) {
                assertThat(backup[i]).as("byte " + i).isEqualTo(primary[i]);
            }
        }
    }

    @Test
    void features_areDebianMke2fsExt4DefaultsWithoutResizeInode() throws Exception {
        java.nio.file.Path img = java.nio.file.Files.createTempFile("sb", ".img");
        try {
            java.nio.file.Files.delete(img);
            StressTree small = new StressTree();
            small.entries.add(org.remixstudio.engine.tree.TreeEntry.directory("etc", 0755, StressTree.T));
            small.write(img, StressTree.options());
            String header = E2fsTools.run(java.util.List.of("dumpe2fs", "-h", img.toString())).stdout();
            assertThat(header).contains("Filesystem features:      has_journal ext_attr dir_index filetype extent 64bit "
                    + "flex_bg sparse_super large_file huge_file dir_nlink extra_isize metadata_csum\n");
            assertThat(header).contains("Filesystem volume name:   stress", "Filesystem state:         clean",
                    "Default directory hash:   half_md4", "signed_directory_hash", "Checksum type:            crc32c",
                    "Journal features:         (none)", "Journal start:            0");
            String groups = E2fsTools.run(java.util.List.of("dumpe2fs", img.toString())).stdout();
            assertThat(groups).doesNotContain("EXPECTED").contains("Group 0: (Blocks 0-", "csum 0x");
        } finally {
            java.nio.file.Files.deleteIfExists(img);
        }
    }
}
