package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;

/** Sparse raw disks with data in awkward places, for the format writers' tests. */
public final class TestDisks {

    public static final long MIB = 1024 * 1024;

    private TestDisks() {
    }

    /**
     * A 64 MiB + 3 sector disk: random data at the start, a block straddling two 64 KiB clusters,
     * a written but all-zero MiB, a highly compressible MiB, and data in the partial last cluster.
     */
    public static SparseImageFile patterned(Path path) throws IOException {
        long size = 64 * MIB + 3 * 512;
        SparseImageFile image = SparseImageFile.create(path, size);
        Random random = new Random(42);
        image.write(0, ByteBuffer.wrap(bytes(random, 200_000)));
        image.write(3 * MIB + 65536 - 700, ByteBuffer.wrap(bytes(random, 1400)));
        image.write(10 * MIB, ByteBuffer.wrap(new byte[(int) MIB])); // zeros: must stay a hole
        byte[] text = "remix studio writes disk images\n".repeat(40_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        image.write(20 * MIB, ByteBuffer.wrap(text, 0, (int) MIB));
        image.write(40 * MIB + 123, ByteBuffer.wrap(bytes(random, 3 * 65536)));
        image.write(size - 1000, ByteBuffer.wrap(bytes(random, 1000)));
        return image;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
