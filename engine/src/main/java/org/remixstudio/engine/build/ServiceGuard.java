package org.remixstudio.engine.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.remixstudio.engine.build.dpkg.TreeFiles;

/**
 * Keeps maintainer scripts from starting services while an image is configured, as mmdebstrap's
 * {@code setup_mounts} does: a {@code /usr/sbin/policy-rc.d} that answers 101 ("action forbidden",
 * invoke-rc.d(8)) and a {@code start-stop-daemon} that does nothing, the real one moved aside to
 * {@code .REAL}. {@link #remove()} puts everything back. Paths are looked up under {@code usr/} when
 * the top-level directory is already a merged-{@code /usr} link, so no link is ever followed out of
 * the tree.
 */
public final class ServiceGuard {

    private static final String POLICY = "#!/bin/sh\nexit 101\n";
    private static final String FAKE_SSD = "#!/bin/sh\necho \"Warning: Fake start-stop-daemon called, doing nothing\">&2\n";

    private final Path root;

    public ServiceGuard(Path root) {
        this.root = root;
    }

    public void install() {
        Path sbin = root.resolve("usr/sbin");
        if (Files.isDirectory(sbin, LinkOption.NOFOLLOW_LINKS)) {
            TreeFiles.write(sbin.resolve("policy-rc.d"), POLICY.getBytes(StandardCharsets.US_ASCII), 0755);
        }
        Path ssd = startStopDaemon();
        if (Files.isRegularFile(ssd, LinkOption.NOFOLLOW_LINKS)) {
            move(ssd, real(ssd));
            TreeFiles.write(ssd, FAKE_SSD.getBytes(StandardCharsets.US_ASCII), 0755);
        }
    }

    public void remove() {
        delete(root.resolve("usr/sbin/policy-rc.d"));
        // usrmerge may have moved /sbin into /usr/sbin meanwhile: look again
        Path ssd = startStopDaemon();
        if (Files.exists(real(ssd), LinkOption.NOFOLLOW_LINKS)) {
            move(real(ssd), ssd);
        }
    }

    private Path startStopDaemon() {
        Path sbin = root.resolve("sbin");
        boolean merged = Files.isSymbolicLink(sbin) || !Files.exists(sbin, LinkOption.NOFOLLOW_LINKS);
        return root.resolve(merged ? "usr/sbin" : "sbin").resolve("start-stop-daemon");
    }

    private static Path real(Path ssd) {
        return ssd.resolveSibling("start-stop-daemon.REAL");
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
