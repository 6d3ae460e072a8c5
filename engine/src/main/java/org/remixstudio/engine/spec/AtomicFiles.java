package org.remixstudio.engine.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.remixstudio.engine.api.EngineException;

/**
 * Writes a file so that readers see the old content or the new one, never a part: the bytes go to
 * a temporary file in the same directory, are forced to disk, and the temporary file is renamed over
 * the target. The file keeps the permissions of the file it replaces (a new one gets
 * {@code rw-r--r--}), since the temporary file is created private.
 */
final class AtomicFiles {

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target}; {@code what} names the file in errors ("spec", "lock file"). */
    static void write(Path target, byte[] bytes, String what) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(Files.exists(absolute) ? Files.getPosixFilePermissions(absolute) : NEW_FILE);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (NoSuchFileException e) {
            throw new EngineException("cannot write the " + what + " " + target + ": the directory " + dir
                    + " does not exist; create it first", e);
        } catch (FileSystemException e) {
            throw new EngineException("cannot write the " + what + " " + target + ": "
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason())
                    + "; check that " + dir + " is writable", e);
        } catch (IOException e) {
            throw new EngineException("cannot write the " + what + " " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed and says so; a stray temporary file is the lesser problem
                }
            }
        }
    }
}
