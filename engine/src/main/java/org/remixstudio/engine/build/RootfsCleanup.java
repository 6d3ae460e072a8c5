package org.remixstudio.engine.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.remixstudio.engine.build.dpkg.TreeFiles;

/**
 * Removes what configuring leaves behind that does not belong in an image, as mmdebstrap's
 * {@code run_cleanup} does: logs and caches that differ on every run, the machine id (emptied, per
 * machine-id(5), so each container generates its own), and leftovers in {@code /run} and {@code /tmp}.
 * After configuring it runs as a shell script inside the sandbox ({@link #script()}): in a user
 * namespace build, files the scripts left belong to subordinate ids that the user cannot remove from
 * outside. {@link #run()} does the same from Java for a tree nothing ran in.
 */
public final class RootfsCleanup {

    private static final List<String> UNREPRODUCIBLE = List.of("var/log/dpkg.log", "var/log/apt/history.log",
            "var/log/apt/term.log", "var/log/alternatives.log", "var/cache/ldconfig/aux-cache",
            "var/log/apt/eipp.log.xz", "var/lib/dbus/machine-id");

    private final Path root;

    RootfsCleanup(Path root) {
        this.root = root;
    }

    /** The cleanup as a POSIX shell script for the tree's own shell and coreutils. */
    public static String script() {
        StringBuilder sb = new StringBuilder();
        sb.append("rm -f");
        for (String file : UNREPRODUCIBLE) {
            sb.append(" /").append(file);
        }
        sb.append('\n');
        sb.append("if [ -e /etc/machine-id ]; then rm -f /etc/machine-id; : > /etc/machine-id;"
                + " chmod 0644 /etc/machine-id; fi\n");
        sb.append("for f in /run/* /run/.[!.]* /run/..?* /tmp/* /tmp/.[!.]* /tmp/..?*; do\n")
                .append("  if [ \"$f\" != /run/lock ] && { [ -e \"$f\" ] || [ -L \"$f\" ]; }; then rm -rf \"$f\"; fi\n")
                .append("done\n");
        return sb.toString();
    }

    void run() {
        for (String file : UNREPRODUCIBLE) {
            delete(root.resolve(file));
        }
        Path machineId = root.resolve("etc/machine-id");
        if (Files.exists(machineId, LinkOption.NOFOLLOW_LINKS)) {
            delete(machineId);
            TreeFiles.write(machineId, new byte[0], 0644);
        }
        emptyDirectory(root.resolve("run"), "lock");
        emptyDirectory(root.resolve("tmp"), null);
    }

    private static void emptyDirectory(Path dir, String keep) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().equals(keep)) {
                    TreeFiles.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
