package org.remixstudio.engine.export.disk.qcow2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.export.disk.DiskContent;
import org.remixstudio.engine.export.disk.DiskTools;
import org.remixstudio.engine.export.disk.SparseImageFile;
import org.remixstudio.engine.export.disk.TestDisks;

/** Converts patterned disks to qcow2 and checks them with qemu-img. */
class Qcow2WriterTest {

    @TempDir
    Path tmp;

    private Path convert(DiskContent content, boolean compress, String name) throws Exception {
        Path out = tmp.resolve(name);
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new Qcow2Writer(compress).write(content, channel);
        }
        return out;
    }

    private Path raw() throws Exception {
        Path raw = tmp.resolve("disk.raw");
        TestDisks.patterned(raw).close();
        return raw;
    }

    @Test
    void qemuImg_checksInfosAndComparesTheImage_asIdenticalToTheRawDisk() throws Exception {
        Path raw = tmp.resolve("disk.raw");
        Path qcow2;
        try (SparseImageFile image = TestDisks.patterned(raw)) {
            qcow2 = convert(image.content(), false, "disk.qcow2");
        }

        assertThat(DiskTools.ok("qemu-img", "check", qcow2.toString())).contains("No errors were found");
        JsonNode info = new ObjectMapper().readTree(DiskTools.ok("qemu-img", "info", "--output=json", qcow2.toString()));
        assertThat(info.get("format").asText()).isEqualTo("qcow2");
        assertThat(info.get("virtual-size").asLong()).isEqualTo(Files.size(raw));
        assertThat(info.get("cluster-size").asLong()).isEqualTo(65536);
        JsonNode data = info.get("format-specific").get("data");
        assertThat(data.get("compat").asText()).isEqualTo("1.1");
        assertThat(data.get("refcount-bits").asInt()).isEqualTo(16);
        assertThat(data.get("corrupt").asBoolean()).isFalse();
        assertThat(DiskTools.ok("qemu-img", "compare", "-f", "raw", "-F", "qcow2", raw.toString(), qcow2.toString()))
                .contains("Images are identical");
        Path back = tmp.resolve("back.raw");
        DiskTools.ok("qemu-img", "convert", "-f", "qcow2", "-O", "raw", qcow2.toString(), back.toString());
        assertThat(Files.mismatch(raw, back)).isEqualTo(-1);
    }

    @Test
    void onlyClustersWithData_areAllocated() throws Exception {
        Path qcow2 = convert(SparseImageFile.contentOf(raw()), false, "disk.qcow2");

        JsonNode map = new ObjectMapper().readTree(DiskTools.ok("qemu-img", "map", "--output=json", qcow2.toString()));
        long dataBytes = 0;
        for (JsonNode extent : map) {
            if (extent.get("data").asBoolean()) {
                dataBytes += extent.get("length").asLong();
            }
        }
        // 4 clusters at the start, 2 straddled, 16 of text, 4 at 40 MiB (123 bytes in), 1 at the end
        assertThat(dataBytes).isEqualTo((4 + 2 + 16 + 4) * 65536L + 3 * 512);
        assertThat(Files.size(qcow2)).isLessThan(40L * 65536);
    }

    @Test
    void compressedClusters_readBackIdentical_andShrinkTheImage() throws Exception {
        Path raw = raw();
        Path plain = convert(SparseImageFile.contentOf(raw), false, "plain.qcow2");
        Path packed = convert(SparseImageFile.contentOf(raw), true, "packed.qcow2");

        assertThat(DiskTools.ok("qemu-img", "check", packed.toString())).contains("No errors were found");
        assertThat(DiskTools.ok("qemu-img", "compare", "-f", "raw", "-F", "qcow2", raw.toString(), packed.toString()))
                .contains("Images are identical");
        assertThat(Files.size(packed)).isLessThan(Files.size(plain) - 15 * 65536);
        JsonNode map = new ObjectMapper().readTree(DiskTools.ok("qemu-img", "map", "--output=json", packed.toString()));
        for (JsonNode extent : map) {
            if (extent.get("start").asLong() == 20 * TestDisks.MIB) {
                // qemu-img map gives no host offset for compressed clusters
                assertThat(extent.get("data").asBoolean()).isTrue();
                assertThat(extent.has("offset")).isFalse();
            }
        }
    }

    @Test
    void compressedClustersSpanningHostClusters_andInterleavedWithPlainOnes_readBackIdentical() throws Exception {
        Path raw = tmp.resolve("mixed.raw");
        java.util.Random random = new java.util.Random(5);
        try (SparseImageFile image = SparseImageFile.create(raw, 8 * TestDisks.MIB)) {
            for (int c = 0; c < 100; c++) {
                byte[] cluster = new byte[65536];
                // Mostly half-random clusters (about 33 KiB deflated: they span host clusters),
                // every seventh fully random (stored plain, between the compressed ones).
                random.nextBytes(cluster);
                if (c % 7 != 0) {
                    java.util.Arrays.fill(cluster, 16384 + random.nextInt(16384), 65536, (byte) 0);
                }
                image.write(c * 65536L, ByteBuffer.wrap(cluster));
            }
        }
        Path packed = convert(SparseImageFile.contentOf(raw), true, "mixed.qcow2");

        assertThat(DiskTools.ok("qemu-img", "check", packed.toString())).contains("No errors were found");
        Path back = tmp.resolve("mixed.back");
        DiskTools.ok("qemu-img", "convert", "-f", "qcow2", "-O", "raw", packed.toString(), back.toString());
        assertThat(Files.mismatch(raw, back)).isEqualTo(-1);
        assertThat(Files.size(packed)).isLessThan(70L * 65536);
    }

    @Test
    void sameInput_givesTheSameBytes() throws Exception {
        Path raw = raw();
        for (boolean compress : new boolean[] {false, true}) {
            byte[] a = Files.readAllBytes(convert(SparseImageFile.contentOf(raw), compress, "a" + compress));
            byte[] b = Files.readAllBytes(convert(SparseImageFile.contentOf(raw), compress, "b" + compress));
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void header_followsTheVersion3Layout() throws Exception {
        Path qcow2 = convert(SparseImageFile.contentOf(raw()), false, "disk.qcow2");
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(qcow2));

        assertThat(h.getInt(0)).isEqualTo(0x514649fb);
        assertThat(h.getInt(4)).isEqualTo(3);
        assertThat(h.getInt(20)).isEqualTo(16);
        assertThat(h.getLong(24)).isEqualTo(64 * TestDisks.MIB + 3 * 512);
        assertThat(h.getInt(36)).isEqualTo(1); // one L1 entry covers 512 MiB
        assertThat(h.getLong(40) % 65536).isZero();
        assertThat(h.getInt(96)).isEqualTo(4);
        assertThat(h.getInt(100)).isEqualTo(112);
        assertThat(h.getLong(112)).isZero(); // end of header extensions
        long refTable = h.getLong(48);
        long firstBlock = h.getLong((int) refTable);
        assertThat(h.getShort((int) firstBlock)).as("refcount of the header cluster").isEqualTo((short) 1);
        assertThat(h.getLong((int) h.getLong(40)) < 0).as("L1 entry has the COPIED bit").isTrue();
    }
}
