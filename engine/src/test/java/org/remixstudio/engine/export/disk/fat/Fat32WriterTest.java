package org.remixstudio.engine.export.disk.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.export.disk.DiskTools;
import org.remixstudio.engine.export.disk.SparseImageFile;

/** Writes FAT32 volumes and checks them with fsck.fat and mtools, which read back names and content. */
class Fat32WriterTest {

    private static final long MIB = 1024 * 1024;
    private static final Instant TIME = Instant.parse("2024-05-06T07:08:09Z");
    private static final Fat32Writer.Options OPTIONS = new Fat32Writer.Options("ESP", 0x1234ABCD, TIME, 2048);

    @TempDir
    Path tmp;

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** An ESP-like tree with long names, collisions, a big directory, empty files and zero runs. */
    private static Map<String, byte[]> espFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("EFI/BOOT/BOOTX64.EFI", random(120_000, 1));
        files.put("loader/loader.conf", "timeout 0\ndefault remix.conf\n".getBytes(StandardCharsets.UTF_8));
        files.put("loader/entries/remix.conf", "title Remix\nlinux /vmlinuz\ninitrd /initrd.img\n"
                .getBytes(StandardCharsets.UTF_8));
        byte[] kernel = random(3_000_000, 2);
        java.util.Arrays.fill(kernel, 100_000, 1_500_000, (byte) 0); // a zero run the writer leaves sparse
        files.put("vmlinuz-6.1.0-18-cloud-amd64", kernel);
        files.put("initrd.img-6.1.0-18-cloud-amd64", random(700_000, 3));
        files.put("Long File Name.txt", "one".getBytes(StandardCharsets.UTF_8));
        files.put("Long File Name 2.txt", "two".getBytes(StandardCharsets.UTF_8));
        files.put("Grüße aus Köln.txt", "unicode".getBytes(StandardCharsets.UTF_8));
        files.put("a name exactly 26 chars.tx", "13x2".getBytes(StandardCharsets.UTF_8));
        files.put("empty", new byte[0]);
        for (int i = 0; i < 300; i++) {
            files.put("many/file number " + i + " with a long name.conf", ("content " + i).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private Path writeVolume(Map<String, byte[]> files, long size, String name) throws Exception {
        FatTree tree = new FatTree().directory("EFI/Linux").directory("empty dir");
        files.forEach(tree::file);
        Path image = tmp.resolve(name);
        try (SparseImageFile file = SparseImageFile.create(image, size)) {
            new Fat32Writer().write(tree, size, OPTIONS, file);
        }
        return image;
    }

    @Test
    void fsckFat_findsNoProblems_inAnEspWithLongNamesAndALargeDirectory() throws Exception {
        Path image = writeVolume(espFiles(), 260 * MIB, "esp.img");

        String fsck = DiskTools.ok("fsck.fat", "-n", "-v", image.toString());

        assertThat(fsck).contains("32 bit entries", "4096 bytes per cluster").doesNotContainIgnoringCase("differences")
                .doesNotContain("Warning", "orphan", "Free cluster summary wrong");
    }

    @Test
    void mtools_readBackEveryNameAndEveryByte() throws Exception {
        Map<String, byte[]> files = espFiles();
        Path image = writeVolume(files, 100 * MIB, "esp.img");

        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path out = tmp.resolve("out");
            Files.deleteIfExists(out);
            DiskTools.ok("mcopy", "-n", "-i", image.toString(), "::/" + f.getKey(), out.toString());
            assertThat(Files.readAllBytes(out)).as(f.getKey()).isEqualTo(f.getValue());
        }
        String listing = DiskTools.ok("mdir", "-i", image.toString(), "::/");
        assertThat(listing).contains("Long File Name.txt", "Long File Name 2.txt", "Grüße aus Köln.txt",
                "LONGFI~1 TXT", "LONGFI~2 TXT", "vmlinuz-6.1.0-18-cloud-amd64", "empty dir", "Volume in drive : is ESP",
                "1234-ABCD");
        assertThat(DiskTools.ok("mdir", "-i", image.toString(), "::/many")) // 300 files plus . and ..
                .contains("302 files", "FILE~300 CON", "file number 299 with a long name.conf");
    }

    @Test
    void fsckFatList_showsTheTreeWithLongNames() throws Exception {
        Path image = writeVolume(espFiles(), 40 * MIB, "small.img");

        String list = DiskTools.ok("fsck.fat", "-n", "-l", image.toString());

        assertThat(list).contains("/EFI/BOOT/BOOTX64.EFI", "/loader/entries/remix.conf",
                "/many/file number 299 with a long name.conf", "/empty dir");
        assertThat(DiskTools.ok("fsck.fat", "-n", "-v", image.toString())).contains("512 bytes per cluster");
    }

    @Test
    void sameInput_givesTheSameBytes() throws Exception {
        byte[] a = Files.readAllBytes(writeVolume(espFiles(), 40 * MIB, "a.img"));
        byte[] b = Files.readAllBytes(writeVolume(espFiles(), 40 * MIB, "b.img"));

        assertThat(a).isEqualTo(b);
    }

    @Test
    void zeroBlocks_areNotWritten() throws Exception {
        FatTree tree = new FatTree().file("zeros.bin", new byte[4 * 1024 * 1024]).file("one", new byte[] {1});
        Path image = tmp.resolve("z.img");
        try (SparseImageFile file = SparseImageFile.create(image, 40 * MIB)) {
            new Fat32Writer().write(tree, 40 * MIB, OPTIONS, file);
            long written = file.writtenRanges().stream().mapToLong(r -> r.length()).sum();
            assertThat(written).isLessThan(1024 * 1024);
        }
        DiskTools.ok("fsck.fat", "-n", image.toString());
    }

    @Test
    void bootSector_carriesTheFat32Bpb() {
        FatGeometry g = FatGeometry.forSize(260 * MIB);
        var b = Fat32Writer.bootSector(g, OPTIONS).order(java.nio.ByteOrder.LITTLE_ENDIAN);

        assertThat(b.getShort(11)).isEqualTo((short) 512);
        assertThat(b.get(13)).isEqualTo((byte) 8);
        assertThat(b.getInt(28)).isEqualTo(2048); // hidden sectors = partition start
        assertThat(b.getInt(36)).isEqualTo((int) g.fatSectors());
        assertThat(b.getInt(44)).isEqualTo(2); // root cluster
        assertThat(b.getInt(67)).isEqualTo(0x1234ABCD);
        assertThat(new String(b.array(), 71, 11, StandardCharsets.US_ASCII)).isEqualTo("ESP        ");
        assertThat(new String(b.array(), 82, 8, StandardCharsets.US_ASCII)).isEqualTo("FAT32   ");
        assertThat(b.get(510) & 0xff).isEqualTo(0x55);
    }

    @Test
    void contentLargerThanTheVolume_isRefusedSayingWhatToDo() {
        FatTree tree = new FatTree().file("big", 50 * MIB, () -> java.io.InputStream.nullInputStream());

        assertThatThrownBy(() -> new Fat32Writer().write(tree, 40 * MIB, OPTIONS, (o, d) -> { }))
                .hasMessageContaining("make the EFI System Partition larger");
    }

    @Test
    void contentShorterThanDeclared_failsNamingTheFile() {
        FatTree tree = new FatTree().file("EFI/short.bin", 10, () -> new java.io.ByteArrayInputStream(new byte[5]));

        assertThatThrownBy(() -> new Fat32Writer().write(tree, 40 * MIB, OPTIONS, (o, d) -> { }))
                .hasMessageContaining("EFI/short.bin").hasMessageContaining("5 bytes");
    }

    @Test
    void namesDifferingOnlyInCase_areRefused() {
        FatTree tree = new FatTree().file("EFI/a.txt", new byte[1]);

        assertThatThrownBy(() -> tree.file("efi/b.txt", new byte[1])).hasMessageContaining("differ only in case");
        assertThatThrownBy(() -> tree.file("EFI/A.TXT", new byte[1])).hasMessageContaining("differ only in case");
    }

    @Test
    void label_mustBeAValidShortName() {
        assertThatThrownBy(() -> new Fat32Writer.Options("esp", 1, TIME, 0)).hasMessageContaining("upper-case");
    }
}
