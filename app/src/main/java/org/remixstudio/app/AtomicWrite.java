package org.remixstudio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the studio's own small files (recent files, settings, autosaves) through a temporary file
 * in the same directory and an atomic rename, so a crash leaves the old content or the new, never a
 * part. Remix specs themselves are written by the engine's spec writer, which does the same.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
