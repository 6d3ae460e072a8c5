package org.remixstudio.engine.export.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseImageFileTest {

    @TempDir
    Path tmp;

    @Test
    void writtenRanges_mergeWhenTheyTouchOrOverlap() throws Exception {
        try (SparseImageFile f = SparseImageFile.create(tmp.resolve("d"), 1 << 20)) {
            f.write(100, ByteBuffer.wrap(new byte[] {1, 2, 3}));
            f.write(103, ByteBuffer.wrap(new byte[] {4}));
            f.write(1000, ByteBuffer.wrap(new byte[] {5, 5}));
            f.write(50, ByteBuffer.wrap(new byte[] {6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6,
                6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6}));

            assertThat(f.writtenRanges()).containsExactly(new ByteRange(50, 54), new ByteRange(1000, 2));
        }
    }

    @Test
    void zerosOverAHole_areNotWritten_butZerosOverData_are() throws Exception {
        Path path = tmp.resolve("d");
        try (SparseImageFile f = SparseImageFile.create(path, 1 << 20)) {
            f.write(4096, ByteBuffer.wrap(new byte[4096]));
            assertThat(f.writtenRanges()).isEmpty();

            f.write(0, ByteBuffer.wrap(new byte[] {9, 9}));
            f.write(0, ByteBuffer.wrap(new byte[2]));
            assertThat(f.writtenRanges()).containsExactly(new ByteRange(0, 2));
        }
        assertThat(Files.readAllBytes(path)[0]).isZero();
        assertThat(Files.size(path)).isEqualTo(1 << 20);
    }

    @Test
    void writeOutsideTheImage_failsNamingTheFile() throws Exception {
        try (SparseImageFile f = SparseImageFile.create(tmp.resolve("d"), 4096)) {
            assertThatThrownBy(() -> f.write(4000, ByteBuffer.wrap(new byte[100]))).hasMessageContaining("d")
                    .hasMessageContaining("outside");
        }
    }

    @Test
    void contentReader_readsZerosPastTheEndOfTheFile() throws Exception {
        Path path = tmp.resolve("short");
        Files.write(path, new byte[] {1, 2});
        DiskContent content = SparseImageFile.contentOf(path);
        ByteBuffer buffer = ByteBuffer.allocate(4);
        try (DiskContent.Reader reader = content.openReader()) {
            reader.read(0, buffer);
        }
        assertThat(buffer.array()).containsExactly(1, 2, 0, 0);
        assertThat(content.dataRanges()).containsExactly(new ByteRange(0, 2));
    }
}
