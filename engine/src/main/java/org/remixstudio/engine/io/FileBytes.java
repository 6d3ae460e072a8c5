package org.remixstudio.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole file into a byte array through 64 KiB reads. {@link Files#readAllBytes} reads the
 * file in one call, for which the JDK takes a temporary direct buffer as large as the file and keeps
 * it in the reading thread's buffer cache for the thread's life: each pool thread that read a 20 MB
 * catalog snapshot held 20 MB of native memory for good, which the studio's memory budget cannot
 * afford. A bounded read gets a bounded temporary buffer.
 */
public final class FileBytes {

    private static final int CHUNK = 64 * 1024;

    private FileBytes() {
    }

    /** The file's bytes; a file that grows or shrinks meanwhile is read to its end. */
    public static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(file + " is too large to read into memory (" + size + " bytes)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = new byte[(int) size];
            int n = 0;
            while (n < data.length) {
                int r = in.read(data, n, Math.min(CHUNK, data.length - n));
                if (r < 0) {
                    return Arrays.copyOf(data, n);
                }
                n += r;
            }
            byte[] chunk = new byte[CHUNK];
            int r = in.read(chunk);
            if (r < 0) {
                return data;
            }
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(data);
            do {
                rest.write(chunk, 0, r);
                r = in.read(chunk);
            } while (r >= 0);
            return rest.toByteArray();
        }
    }
}
