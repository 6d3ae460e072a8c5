package org.remixstudio.engine.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file or directory next to its final place under a temporary name and renames it into
 * place only when complete, so a failure or a cancellation never leaves partial output.
 */
public final class AtomicFiles {

    /** Fills a file given its temporary path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeFile(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        try {
            writer.write(tmp);
            // The temporary file is created private; the result keeps the permissions of the file it
            // replaces, and a new file gets rw-r--r--.
            Files.setPosixFilePermissions(tmp, Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--"));
            move(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes {@code bytes} as {@link #writeFile} does, forced to disk before the rename. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        writeFile(target, tmp -> {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        });
    }

    /**
     * Builds a directory under a temporary name, then puts it in place of {@code target}; an
     * existing target is first renamed aside and deleted only after the new one is in place.
     */
    public static void writeDirectory(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, "." + target.getFileName() + ".");
        try {
            writer.write(tmp);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Path old = Files.createTempDirectory(dir, "." + target.getFileName() + ".old.");
                Files.move(target, old.resolve("previous"), StandardCopyOption.ATOMIC_MOVE);
                move(tmp, target);
                deleteTree(old);
            } else {
                move(tmp, target);
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically: " + e.getMessage(), e);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
