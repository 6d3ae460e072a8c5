package org.remixstudio.engine.deb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How {@link TreeExtractor} treats ownership and symbolic links already on disk.
 *
 * @param applyOwnership          set each entry's numeric uid/gid from the archive (needs root; the
 *                                host's user database is never consulted)
 * @param followDirectorySymlinks when a parent directory of an entry is a symbolic link on disk, follow it
 *                                as if the target directory were the root ({@code chroot} semantics:
 *                                absolute targets start at the target directory, {@code ..} may not
 *                                climb above it). This is what a merged-{@code /usr} root filesystem
 *                                needs ({@code bin → usr/bin}). When {@code false}, any symbolic link in a
 *                                parent position is refused.
 */
public record ExtractOptions(boolean applyOwnership, boolean followDirectorySymlinks) {

    /** Ownership when running as root, symbolic links in parent positions refused. */
    public static ExtractOptions defaults() {
        return new ExtractOptions(runningAsRoot(), false);
    }

    /** For assembling a root filesystem from many packages: in-root directory symlinks are followed. */
    public static ExtractOptions forRootFilesystem() {
        return new ExtractOptions(runningAsRoot(), true);
    }

    /** Whether this process runs with uid 0, read from the owner of {@code /proc/self}. */
    public static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
