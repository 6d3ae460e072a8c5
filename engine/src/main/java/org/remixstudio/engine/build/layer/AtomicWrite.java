package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name in its target directory and renames it into place, so a
 * reader never sees half a file and a failure leaves nothing behind.
 */
final class AtomicWrite {

    /** Fills the temporary file. */
    @FunctionalInterface
    interface Body {
        void write(Path temporary) throws IOException;
    }

    private AtomicWrite() {
    }

    static void file(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        try {
            body.write(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot rename " + tmp + " to " + target + " atomically: " + e.getMessage(), e);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
