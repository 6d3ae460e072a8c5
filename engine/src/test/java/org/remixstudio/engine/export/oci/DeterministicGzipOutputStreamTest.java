package org.remixstudio.engine.export.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicGzipOutputStreamTest {

    @TempDir
    Path tmp;

    private static byte[] gzip(byte[] data, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeterministicGzipOutputStream gz = new DeterministicGzipOutputStream(out, level)) {
            gz.write(data, 0, data.length / 3);
            gz.write(data, data.length / 3, data.length - data.length / 3);
        }
        return out.toByteArray();
    }

    private static byte[] sample() {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        for (int i = 0; i < data.length; i += 3) {
            data[i] = 'a'; // compressible but not trivial
        }
        return data;
    }

    @Test
    void header_hasZeroMtimeAndFixedOsByte() throws IOException {
        byte[] gz = gzip(sample(), 6);

        assertThat(java.util.Arrays.copyOf(gz, 10))
                .containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
    }

    @Test
    void output_roundTripsThroughJavaAndGnuGzip() throws Exception {
        byte[] data = sample();
        byte[] gz = gzip(data, 6);

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        Path file = Files.write(tmp.resolve("sample.gz"), gz);
        Commands.ok("gzip", "--test", file.toString());
    }

    @Test
    void sameInput_givesIdenticalBytes_andLevelMatters() throws IOException {
        byte[] data = sample();

        assertThat(gzip(data, 6)).isEqualTo(gzip(data, 6));
        assertThat(gzip(data, 1)).isNotEqualTo(gzip(data, 9));
    }

    @Test
    void emptyInput_isAValidGzipStream() throws IOException {
        byte[] gz = gzip(new byte[0], 6);

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    private static byte[] gzip(byte[] data, int level, int threads, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeterministicGzipOutputStream gz = new DeterministicGzipOutputStream(out, level, threads)) {
            for (int off = 0; off < data.length; off += chunk) {
                gz.write(data, off, Math.min(chunk, data.length - off));
            }
        }
        return out.toByteArray();
    }

    /** Several blocks of text-like data: repeats that reach across the 1 MiB cuts. */
    private static byte[] manyBlocks(int size) {
        byte[] data = new byte[size];
        Random random = new Random(7);
        byte[] words = "usr lib share doc copyright changelog debian x86_64-linux-gnu ".getBytes();
        for (int i = 0; i < size; i++) {
            data[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : words[(i * 7 + i / 13) % words.length];
        }
        return data;
    }

    @Test
    void output_isTheSameWhateverTheThreadsAndWriteSizes() throws Exception {
        // more blocks than are ever in flight, so blocks, buffers and deflaters are reused
        byte[] data = manyBlocks(12 * DeterministicGzipOutputStream.BLOCK_SIZE + 12_345);

        byte[] one = gzip(data, 6, 1, 8192);
        assertThat(gzip(data, 6, 4, 1 << 16)).isEqualTo(one);
        assertThat(gzip(data, 6, 2, 1_000_003)).isEqualTo(one);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(one))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        Path file = Files.write(tmp.resolve("blocks.gz"), one);
        Commands.ok("gzip", "--test", file.toString());
    }

    @Test
    void blockCuts_costAlmostNothingAgainstOneDeflateStream() throws IOException {
        byte[] data = manyBlocks(4 * DeterministicGzipOutputStream.BLOCK_SIZE);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(single)) {
            gz.write(data);
        }

        assertThat((double) gzip(data, 6, 2, 1 << 16).length).isLessThan(single.size() * 1.001);
    }

    @Test
    void inputOfExactlyWholeBlocks_endsWithAnEmptyFinalBlock() throws Exception {
        byte[] data = manyBlocks(2 * DeterministicGzipOutputStream.BLOCK_SIZE);

        byte[] gz = gzip(data, 6, 2, DeterministicGzipOutputStream.BLOCK_SIZE);

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        Path file = Files.write(tmp.resolve("whole.gz"), gz);
        assertThat(Commands.ok("gzip", "--list", "--verbose", file.toString())).contains("2097152");
    }
}
