package org.remixstudio.engine.export.disk.vmdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.export.disk.DiskTools;
import org.remixstudio.engine.export.disk.SparseImageFile;
import org.remixstudio.engine.export.disk.TestDisks;

/** Converts patterned disks to streamOptimized VMDK and checks them with qemu-img. */
class StreamOptimizedVmdkWriterTest {

    private static final StreamOptimizedVmdkWriter.Identity ID = new StreamOptimizedVmdkWriter.Identity(
            "disk.vmdk", 0x1a2b3c4d, UUID.fromString("6f1c1f2e-8d7a-4c3b-9e2f-0a1b2c3d4e5f"));

    @TempDir
    Path tmp;

    private Path raw() throws Exception {
        Path raw = tmp.resolve("disk.raw");
        TestDisks.patterned(raw).close();
        return raw;
    }

    private Path convert(Path raw, String name) throws Exception {
        Path out = tmp.resolve(name);
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new StreamOptimizedVmdkWriter().write(SparseImageFile.contentOf(raw), ID, channel);
        }
        return out;
    }

    @Test
    void qemuImg_checksInfosAndComparesTheImage_asIdenticalToTheRawDisk() throws Exception {
        Path raw = raw();
        Path vmdk = convert(raw, "disk.vmdk");

        assertThat(DiskTools.ok("qemu-img", "check", vmdk.toString())).contains("No errors were found");
        JsonNode info = new ObjectMapper().readTree(DiskTools.ok("qemu-img", "info", "--output=json", vmdk.toString()));
        assertThat(info.get("format").asText()).isEqualTo("vmdk");
        assertThat(info.get("virtual-size").asLong()).isEqualTo(Files.size(raw));
        JsonNode data = info.get("format-specific").get("data");
        assertThat(data.get("create-type").asText()).isEqualTo("streamOptimized");
        assertThat(data.get("cid").asLong()).isEqualTo(0x1a2b3c4dL);
        assertThat(data.get("extents").get(0).get("compressed").asBoolean()).isTrue();
        assertThat(DiskTools.ok("qemu-img", "compare", "-f", "raw", "-F", "vmdk", raw.toString(), vmdk.toString()))
                .contains("Images are identical");
        Path back = tmp.resolve("back.raw");
        DiskTools.ok("qemu-img", "convert", "-f", "vmdk", "-O", "raw", vmdk.toString(), back.toString());
        assertThat(Files.mismatch(raw, back)).isEqualTo(-1);
    }

    @Test
    void stream_endsWithGrainDirectoryFooterAndEndOfStreamMarkers() throws Exception {
        Path vmdk = convert(raw(), "disk.vmdk");
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(vmdk)).order(ByteOrder.LITTLE_ENDIAN);
        int end = b.capacity();

        assertThat(end % 512).isZero();
        assertThat(b.getInt(0)).isEqualTo(SparseExtentHeader.MAGIC);
        assertThat(b.getLong(56)).as("header: grain directory at end").isEqualTo(-1L);
        assertThat(b.getInt(end - 1536 + 12)).as("footer marker type").isEqualTo(3);
        assertThat(b.getInt(end - 1024)).as("footer magic").isEqualTo(SparseExtentHeader.MAGIC);
        long gd = b.getLong(end - 1024 + 56);
        assertThat(b.getInt((int) (gd * 512 - 512 + 12))).as("grain directory marker type").isEqualTo(2);
        assertThat(b.getLong(end - 512)).isZero();
        assertThat(b.getInt(end - 512 + 12)).as("end-of-stream marker").isZero();
        String descriptor = new String(b.array(), 512, 20 * 512, StandardCharsets.US_ASCII);
        assertThat(descriptor).contains("createType=\"streamOptimized\"", "RW 131075 SPARSE \"disk.vmdk\"",
                "CID=1a2b3c4d", "ddb.uuid.image = \"6f1c1f2e-8d7a-4c3b-9e2f-0a1b2c3d4e5f\"");
    }

    @Test
    void sameInput_givesTheSameBytes() throws Exception {
        Path raw = raw();

        assertThat(Files.readAllBytes(convert(raw, "a.vmdk"))).isEqualTo(Files.readAllBytes(convert(raw, "b.vmdk")));
    }
}
