package org.remixstudio.engine.build.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An overlay file system (Linux overlayfs, kernel documentation "Overlay Filesystem") over read-only
 * lower trees, mounted in a private mount namespace that a small helper process holds open, so the
 * mount never appears in the host's mount table and vanishes with the helper, even when the JVM is
 * killed (the helper waits on its standard input and exits at end of file).
 *
 * <p>This process reaches the merged tree through {@code /proc/PID/root} of the helper ({@link #view()}):
 * path lookups through that link follow the helper's mounts, so Java code reads and writes the merged
 * tree as a plain directory. A {@link Sandbox} enters the same namespace with {@code nsenter} before
 * making its own ({@link #enterCommand()}). Writes land in the upper directory; the lower trees are
 * never modified, which is the point: a tree kept in the cache serves as the unchanged base of any
 * number of builds. Needs root (mounting overlayfs); {@link #mount} throws
 * {@link OverlayUnavailableException} where that is not possible, and the caller takes its slower path.
 */
public final class OverlayMount implements AutoCloseable {

    private final Process helper;
    private final Path mountPoint;
    private final Path upper;

    private OverlayMount(Process helper, Path mountPoint, Path upper) {
        this.helper = helper;
        this.mountPoint = mountPoint;
        this.upper = upper;
    }

    /**
     * Mounts {@code lowers} (topmost first) with {@code upper} and {@code work} (two directories of
     * one file system, {@code work} empty) on the empty directory {@code mountPoint}.
     *
     * @throws OverlayUnavailableException when the mount fails, with the reason the kernel or tool gave
     */
    public static OverlayMount mount(List<Path> lowers, Path upper, Path work, Path mountPoint) {
        List<Path> all = new ArrayList<>(lowers);
        all.add(upper);
        all.add(work);
        all.add(mountPoint);
        for (Path p : all) {
            String s = p.toAbsolutePath().toString();
            // the mount options are split at ',' and lower directories at ':'; escaping is not portable
            if (s.contains(",") || s.contains(":") || s.contains("\\") || s.contains("\n")) {
                throw new OverlayUnavailableException("the path " + s + " holds a character overlayfs options cannot"
                        + " carry (',', ':' or '\\')");
            }
        }
        String options = "lowerdir=" + lowers.stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(":")) + ",upperdir=" + upper.toAbsolutePath() + ",workdir="
                + work.toAbsolutePath()
                // an upper entry must hold what the merged one does (see OverlayManifest): no metadata-only
                // copy-up, no renamed directories that point back into the lower tree
                + ",redirect_dir=off,metacopy=off";
        try {
            // volatile (Linux 5.10): the upper directory is scratch, so no sync(2) of the whole upper file
            // system when the overlay is unmounted, which on a busy machine can take seconds
            return start(options + ",volatile", mountPoint, upper);
        } catch (OverlayUnavailableException e) {
            return start(options, mountPoint, upper);
        }
    }

    private static OverlayMount start(String options, Path mountPoint, Path upper) {
        List<String> command = List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t overlay -o \"$1\" overlay \"$2\" && echo mounted && exec cat >/dev/null", "overlay",
                options, mountPoint.toAbsolutePath().toString());
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            process = pb.start();
        } catch (IOException e) {
            throw new OverlayUnavailableException("cannot start unshare: " + e.getMessage());
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            if (!"mounted".equals(first)) {
                StringBuilder why = new StringBuilder(first == null ? "" : first);
                String line;
                while ((line = out.readLine()) != null) {
                    why.append(' ').append(line);
                }
                stop(process);
                throw new OverlayUnavailableException("mounting an overlay on " + mountPoint + " failed: " + why);
            }
        } catch (IOException e) {
            stop(process);
            throw new OverlayUnavailableException("mounting an overlay on " + mountPoint + " failed: " + e);
        }
        return new OverlayMount(process, mountPoint.toAbsolutePath(), upper.toAbsolutePath());
    }

    /**
     * Whether an overlay can be mounted here: mounts one over empty directories under {@code scratch}
     * (created, and removed again) and unmounts it.
     */
    public static boolean available(Path scratch) {
        try {
            Path lower = java.nio.file.Files.createDirectories(scratch.resolve("lower"));
            Path upper = java.nio.file.Files.createDirectories(scratch.resolve("upper"));
            Path work = java.nio.file.Files.createDirectories(scratch.resolve("work"));
            Path merged = java.nio.file.Files.createDirectories(scratch.resolve("merged"));
            try (OverlayMount probe = mount(List.of(lower), upper, work, merged)) {
                return java.nio.file.Files.isDirectory(probe.view());
            }
        } catch (IOException | OverlayUnavailableException e) {
            return false;
        }
    }

    /** The merged tree as this process sees it: {@code /proc/PID/root} followed by the mount point. */
    public Path view() {
        return Path.of("/proc/" + helper.pid() + "/root").resolve(mountPoint.toString().substring(1));
    }

    /** The merged tree's path inside the helper's mount namespace. */
    public Path mountPoint() {
        return mountPoint;
    }

    /** The upper directory: everything written to the merged tree, with overlayfs whiteouts for deletions. */
    public Path upper() {
        return upper;
    }

    /** A command prefix that runs the rest of the command in the helper's mount namespace. */
    public List<String> enterCommand() {
        return List.of("nsenter", "--mount=/proc/" + helper.pid() + "/ns/mnt", "--");
    }

    /** Unmounts (the helper exits and its namespace goes with it). */
    @Override
    public void close() {
        try {
            OutputStream in = helper.getOutputStream();
            in.close();
        } catch (IOException e) {
            // the helper is gone already
        }
        try {
            if (!helper.waitFor(10, TimeUnit.SECONDS)) {
                stop(helper);
            }
        } catch (InterruptedException e) {
            stop(helper);
            Thread.currentThread().interrupt();
            throw new CancellationException("unmounting the overlay on " + mountPoint + " was interrupted");
        }
    }

    private static void stop(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why an overlay could not be mounted; the caller falls back to building in a plain directory. */
    public static final class OverlayUnavailableException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public OverlayUnavailableException(String message) {
            super(message, new IOException(message));
        }
    }
}
