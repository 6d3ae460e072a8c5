package org.remixstudio.engine.export.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.export.disk.fat.Fat32Writer;
import org.remixstudio.engine.export.disk.fat.FatTree;
import org.remixstudio.engine.export.disk.gpt.GptDisk;
import org.remixstudio.engine.export.disk.gpt.GptLayout;
import org.remixstudio.engine.export.disk.gpt.GptPartition;
import org.remixstudio.engine.export.disk.gpt.GptWriter;
import org.remixstudio.engine.export.disk.gpt.PartitionTypes;

/**
 * A whole VM disk as the export will make it (GPT, FAT32 ESP, a root partition with data) in every
 * format, checked by sfdisk, sgdisk, fsck.fat, mtools and qemu-img.
 */
class DiskImageWriterTest {

    private static final long MIB = 1024 * 1024;
    private static final SeededIds IDS = new SeededIds("remix-spec-digest".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    private record Built(Path raw, GptDisk disk, DiskContent content) {
    }

    private Built buildDisk(String name) throws IOException {
        GptDisk disk = new GptLayout(300 * MIB, IDS)
                .add("esp", PartitionTypes.EFI_SYSTEM, "ESP", 100 * MIB)
                .addRemaining("root", PartitionTypes.LINUX_ROOT_X86_64, "root-x86-64")
                .build();
        Path raw = tmp.resolve(name);
        try (SparseImageFile image = SparseImageFile.create(raw, disk.sizeInBytes())) {
            new GptWriter().write(disk, image);
            GptPartition esp = disk.partitions().get(0);
            byte[] loader = new byte[150_000];
            new Random(7).nextBytes(loader);
            FatTree tree = new FatTree()
                    .file("EFI/BOOT/BOOTX64.EFI", loader)
                    .file("loader/loader.conf", "timeout 3\n".getBytes(StandardCharsets.UTF_8))
                    .file("loader/entries/remix-6.1.0-18-cloud-amd64.conf",
                            "title Remix\nlinux /vmlinuz\noptions root=PARTUUID=x rw\n".getBytes(StandardCharsets.UTF_8));
            new Fat32Writer().write(tree, esp.size(), new Fat32Writer.Options("ESP", IDS.int32("esp-serial"),
                    Instant.parse("2024-01-01T00:00:00Z"), esp.firstLba()), image.at(esp.offset()));
            GptPartition root = disk.partitions().get(1);
            Random random = new Random(9);
            for (long at = 0; at < 40 * MIB; at += 3 * MIB) {
                byte[] block = new byte[(int) MIB];
                random.nextBytes(block);
                image.write(root.offset() + at, ByteBuffer.wrap(block));
            }
            return new Built(raw, disk, image.content());
        }
    }

    private static Path extract(Path image, long offset, long length, Path out) throws IOException {
        try (FileChannel in = FileChannel.open(image);
                FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < length) {
                done += in.transferTo(offset + done, length - done, o);
            }
        }
        return out;
    }

    @Test
    void wholeDisk_inEveryFormat_passesTheRealTools() throws Exception {
        Built b = buildDisk("disk.img");
        DiskImageWriter writer = new DiskImageWriter(IDS, false);
        Path raw = tmp.resolve("out.raw");
        Path qcow2 = tmp.resolve("out.qcow2");
        Path vmdk = tmp.resolve("out.vmdk");
        writer.write(b.content(), DiskImageFormat.RAW, raw);
        writer.write(b.content(), DiskImageFormat.QCOW2, qcow2);
        writer.write(b.content(), DiskImageFormat.VMDK, vmdk);

        assertThat(Files.mismatch(b.raw(), raw)).isEqualTo(-1);
        assertThat(Files.size(raw)).isEqualTo(300 * MIB);
        assertThat(DiskTools.ok("sfdisk", "--verify", raw.toString())).contains("No errors detected");
        assertThat(DiskTools.ok("sgdisk", "-v", raw.toString())).contains("No problems found");
        GptPartition esp = b.disk().partitions().get(0);
        Path espImage = extract(raw, esp.offset(), esp.size(), tmp.resolve("esp.img"));
        DiskTools.ok("fsck.fat", "-n", espImage.toString());
        assertThat(DiskTools.ok("mdir", "-i", raw + "@@" + esp.offset(), "::/loader/entries"))
                .contains("remix-6.1.0-18-cloud-amd64.conf");
        for (Path image : new Path[] {qcow2, vmdk}) {
            String format = image == qcow2 ? "qcow2" : "vmdk";
            assertThat(DiskTools.ok("qemu-img", "check", image.toString())).contains("No errors were found");
            assertThat(DiskTools.ok("qemu-img", "info", image.toString())).contains("file format: " + format,
                    "virtual size: 300 MiB");
            assertThat(DiskTools.ok("qemu-img", "compare", "-f", "raw", "-F", format, raw.toString(), image.toString()))
                    .contains("Images are identical");
        }
        assertThat(DiskTools.ok("qemu-img", "info", qcow2.toString())).contains("corrupt: false");
    }

    @Test
    void sameSpec_givesTheSameBytes_inEveryFormat() throws Exception {
        Built first = buildDisk("a.img");
        Built second = buildDisk("b.img");
        DiskImageWriter writer = new DiskImageWriter(IDS, true);

        assertThat(Files.mismatch(first.raw(), second.raw())).isEqualTo(-1);
        for (DiskImageFormat format : DiskImageFormat.values()) {
            Path a = Files.createDirectories(tmp.resolve("a")).resolve("disk." + format.extension());
            Path b = Files.createDirectories(tmp.resolve("b")).resolve("disk." + format.extension());
            writer.write(first.content(), format, a);
            writer.write(second.content(), format, b);
            assertThat(Files.mismatch(a, b)).as(format.name()).isEqualTo(-1);
        }
    }

    @Test
    void writingFromAPlainRawFile_findsTheDataItself() throws Exception {
        Built b = buildDisk("disk.img");
        Path qcow2 = tmp.resolve("plain.qcow2");

        new DiskImageWriter(IDS, false).write(b.raw(), DiskImageFormat.QCOW2, qcow2);

        assertThat(DiskTools.ok("qemu-img", "compare", "-f", "raw", "-F", "qcow2", b.raw().toString(), qcow2.toString()))
                .contains("Images are identical");
    }

    @Test
    void cancelledExport_leavesNoFileBehind() throws Exception {
        Built b = buildDisk("disk.img");
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path target = dir.resolve("disk.qcow2");

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new DiskImageWriter(IDS, false).write(b.content(), DiskImageFormat.QCOW2, target))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void writingOverTheRawSource_isRefused() throws Exception {
        Built b = buildDisk("disk.img");

        assertThatThrownBy(() -> new DiskImageWriter(IDS, false).write(b.raw(), DiskImageFormat.RAW, b.raw()))
                .hasMessageContaining("its own raw source");
    }

    @Test
    void format_parsesNames_andListsTheKnownOnes() {
        assertThat(DiskImageFormat.parse("QCOW2")).isEqualTo(DiskImageFormat.QCOW2);
        assertThatThrownBy(() -> DiskImageFormat.parse("vdi")).hasMessageContaining("qcow2, raw, vmdk");
    }
}
