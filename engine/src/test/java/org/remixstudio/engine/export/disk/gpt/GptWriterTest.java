package org.remixstudio.engine.export.disk.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.export.disk.DiskTools;
import org.remixstudio.engine.export.disk.SeededIds;
import org.remixstudio.engine.export.disk.SparseImageFile;

class GptWriterTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    private static GptDisk vmDisk(String seed) {
        return new GptLayout(64 * MIB, new SeededIds(seed.getBytes(StandardCharsets.UTF_8)))
                .add("esp", PartitionTypes.EFI_SYSTEM, "ESP", 20 * MIB)
                .addRemaining("root", PartitionTypes.LINUX_ROOT_X86_64, "root-x86-64")
                .build();
    }

    private Path write(GptDisk disk, String name) throws Exception {
        Path image = tmp.resolve(name);
        try (SparseImageFile file = SparseImageFile.create(image, disk.sizeInBytes())) {
            new GptWriter().write(disk, file);
        }
        return image;
    }

    @Test
    void sfdiskVerify_andSgdiskVerify_findNoProblems() throws Exception {
        Path image = write(vmDisk("seed"), "disk.img");

        assertThat(DiskTools.ok("sfdisk", "--verify", image.toString())).contains("No errors detected").doesNotContain("arning");
        assertThat(DiskTools.ok("sgdisk", "-v", image.toString())).contains("No problems found");
    }

    @Test
    void sfdiskJson_showsTypesNamesAndSeededGuids() throws Exception {
        GptDisk disk = vmDisk("seed");
        Path image = write(disk, "disk.img");

        JsonNode table = new ObjectMapper().readTree(DiskTools.ok("sfdisk", "--json", image.toString()))
                .get("partitiontable");

        assertThat(table.get("label").asText()).isEqualTo("gpt");
        assertThat(table.get("id").asText()).isEqualToIgnoringCase(disk.diskGuid().toString());
        assertThat(table.get("firstlba").asLong()).isEqualTo(34);
        JsonNode esp = table.get("partitions").get(0);
        JsonNode root = table.get("partitions").get(1);
        assertThat(esp.get("start").asLong()).isEqualTo(2048);
        assertThat(esp.get("size").asLong()).isEqualTo(20 * 2048);
        assertThat(esp.get("type").asText()).isEqualToIgnoringCase(PartitionTypes.EFI_SYSTEM.toString());
        assertThat(esp.get("uuid").asText()).isEqualToIgnoringCase(disk.partitions().get(0).guid().toString());
        assertThat(esp.get("name").asText()).isEqualTo("ESP");
        assertThat(root.get("start").asLong()).isEqualTo(21 * 2048);
        assertThat(root.get("start").asLong() + root.get("size").asLong() - 1).isEqualTo(disk.lastUsableLba());
        assertThat(root.get("type").asText()).isEqualToIgnoringCase(PartitionTypes.LINUX_ROOT_X86_64.toString());
        assertThat(root.get("name").asText()).isEqualTo("root-x86-64");
    }

    @Test
    void headers_carryValidCrc32s_andPointAtEachOther() throws Exception {
        GptDisk disk = vmDisk("seed");
        byte[] bytes = Files.readAllBytes(write(disk, "disk.img"));

        ByteBuffer primary = ByteBuffer.wrap(bytes, 512, 512).slice().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer backup = ByteBuffer.wrap(bytes, (int) (disk.lastLba() * 512), 512).slice().order(ByteOrder.LITTLE_ENDIAN);
        for (ByteBuffer h : new ByteBuffer[] {primary, backup}) {
            assertThat(h.getLong(0)).isEqualTo(GptWriter.SIGNATURE);
            byte[] header = new byte[92];
            h.get(0, header);
            int stored = h.getInt(16);
            header[16] = header[17] = header[18] = header[19] = 0;
            assertThat(crc(header, 0, 92)).isEqualTo(stored);
            long entriesLba = h.getLong(72);
            assertThat(crc(bytes, (int) (entriesLba * 512), 128 * 128)).isEqualTo(h.getInt(88));
        }
        assertThat(primary.getLong(24)).isEqualTo(1);
        assertThat(primary.getLong(32)).isEqualTo(disk.lastLba());
        assertThat(backup.getLong(24)).isEqualTo(disk.lastLba());
        assertThat(backup.getLong(32)).isEqualTo(1);
        assertThat(backup.getLong(72)).isEqualTo(disk.lastLba() - 32);
    }

    @Test
    void protectiveMbr_coversTheDiskWithType0xEE() throws Exception {
        ByteBuffer mbr = ProtectiveMbr.encode(64 * 2048).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(mbr.get(446 + 4) & 0xff).isEqualTo(0xEE);
        assertThat(mbr.getInt(446 + 8)).isEqualTo(1);
        assertThat(mbr.getInt(446 + 12)).isEqualTo(64 * 2048 - 1);
        assertThat(mbr.get(510) & 0xff).isEqualTo(0x55);
        assertThat(mbr.get(511) & 0xff).isEqualTo(0xAA);
        assertThat(ProtectiveMbr.endingChs(1L << 40)).containsExactly(0xFF, 0xFF, 0xFF);
    }

    @Test
    void biosBootLayout_withBootCodeInTheMbr_stillVerifies() throws Exception {
        GptDisk disk = new GptLayout(64 * MIB, new SeededIds(new byte[] {3}))
                .add("bios", PartitionTypes.BIOS_BOOT, "BIOS boot", MIB)
                .add("esp", PartitionTypes.EFI_SYSTEM, "ESP", 20 * MIB)
                .addRemaining("root", PartitionTypes.LINUX_ROOT_X86_64, "root-x86-64")
                .build();
        byte[] bootCode = new byte[440];
        java.util.Arrays.fill(bootCode, (byte) 0x90);
        Path image = tmp.resolve("bios.img");
        try (SparseImageFile file = SparseImageFile.create(image, disk.sizeInBytes())) {
            new GptWriter(bootCode).write(disk, file);
        }

        assertThat(DiskTools.ok("sgdisk", "-v", image.toString())).contains("No problems found");
        assertThat(DiskTools.ok("sfdisk", "--list", image.toString())).contains("BIOS boot", "EFI System");
        byte[] mbr = java.util.Arrays.copyOf(Files.readAllBytes(image), 512);
        assertThat(java.util.Arrays.copyOf(mbr, 440)).isEqualTo(bootCode);
        assertThat(mbr[446 + 4] & 0xff).isEqualTo(0xEE);
        assertThatThrownBy(() -> new GptWriter(new byte[441])).hasMessageContaining("at most 440");
    }

    @Test
    void sameSeed_givesTheSameBytes_otherSeed_otherGuids() throws Exception {
        byte[] a = Files.readAllBytes(write(vmDisk("seed"), "a.img"));
        byte[] b = Files.readAllBytes(write(vmDisk("seed"), "b.img"));
        GptDisk other = vmDisk("other");

        assertThat(a).isEqualTo(b);
        assertThat(other.diskGuid()).isNotEqualTo(vmDisk("seed").diskGuid());
        assertThat(other.partitions().get(0).guid()).isNotEqualTo(vmDisk("seed").partitions().get(0).guid());
        assertThat(vmDisk("seed").partitions().get(0).guid()).isNotEqualTo(vmDisk("seed").partitions().get(1).guid());
    }

    @Test
    void guids_useTheMixedEndianEfiLayout() {
        ByteBuffer b = ByteBuffer.allocate(16);
        Guids.put(b, PartitionTypes.EFI_SYSTEM);

        // C12A7328-F81F-11D2-BA4B-00A0C93EC93B as stored on disk
        assertThat(b.array()).containsExactly(0x28, 0x73, 0x2A, 0xC1, 0x1F, 0xF8, 0xD2, 0x11,
                0xBA, 0x4B, 0x00, 0xA0, 0xC9, 0x3E, 0xC9, 0x3B);
        assertThat(Guids.get(b.flip())).isEqualTo(PartitionTypes.EFI_SYSTEM);
    }

    @Test
    void layout_tooSmallDisk_failsNamingTheSizes() {
        GptLayout layout = new GptLayout(8 * MIB, new SeededIds(new byte[] {1}))
                .add("esp", PartitionTypes.EFI_SYSTEM, "ESP", 20 * MIB);

        assertThatThrownBy(layout::build).hasMessageContaining("too small").hasMessageContaining("larger disk size");
    }

    @Test
    void layout_partitionAfterTheRestOfTheDisk_isRefused() {
        GptLayout layout = new GptLayout(64 * MIB, new SeededIds(new byte[] {1}))
                .addRemaining("root", PartitionTypes.LINUX_ROOT_X86_64, "root");

        assertThatThrownBy(() -> layout.add("esp", PartitionTypes.EFI_SYSTEM, "ESP", MIB))
                .hasMessageContaining("add the rest-of-disk partition last");
    }

    @Test
    void partition_nameLongerThan36Characters_isRefused() {
        assertThatThrownBy(() -> new GptPartition(PartitionTypes.EFI_SYSTEM, PartitionTypes.EFI_SYSTEM,
                "x".repeat(37), 2048, 4095, 0)).hasMessageContaining("longer than 36");
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
