package org.remixstudio.engine.build.dpkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Small file operations on a tree being built: each file is written under a temporary name in its
 * directory, given its mode, and renamed into place, so a crash never leaves half a database file.
 * Paths are inside the build's own work directory; failures are reported with the path.
 */
public final class TreeFiles {

    private TreeFiles() {
    }

    /** Writes {@code content} to {@code file} with permission bits {@code mode}. */
    public static void write(Path file, byte[] content, int mode) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".remix-tmp");
            Files.write(tmp, content);
            Files.setAttribute(tmp, "unix:mode", mode);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates a directory (and missing parents) and sets its mode. */
    public static void directory(Path dir, int mode) {
        try {
            Files.createDirectories(dir);
            Files.setAttribute(dir, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or a whole directory tree without following symbolic links; absent is fine. */
    public static void delete(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
