package org.remixstudio.engine.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.remixstudio.engine.build.dpkg.TreeFiles;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * The parts of a root filesystem that no package ships but a working Debian system has, made the
 * way mmdebstrap 1.3.5 makes them: the directories apt and dpkg expect ({@code run_setup}), the
 * {@code /dev} skeleton ({@code @devfiles}: {@code pts}, {@code shm} and the {@code /proc/self/fd}
 * links on disk, the device nodes as {@link #deviceNodes()} for the image writer), apt's lock files
 * and {@code partial} directories (what its final {@code apt-get update} and {@code apt-get clean}
 * leave), the sources list and apt's auto-installed marks.
 */
final class RootfsSkeleton {

    private static final List<String> DIRECTORIES = List.of("etc/apt/apt.conf.d", "etc/apt/sources.list.d",
            "etc/apt/preferences.d", "var/cache/apt", "var/lib/apt/lists", "var/lib/dpkg", "etc/dpkg/dpkg.cfg.d",
            "var/log/apt", "var/cache/apt/archives");

    private final Path root;

    RootfsSkeleton(Path root) {
        this.root = root;
    }

    /** Directories made before any package is unpacked; packages that ship them set their final modes. */
    void createBeforeUnpack() {
        for (String dir : DIRECTORIES) {
            TreeFiles.directory(root.resolve(dir), 0755);
        }
        TreeFiles.directory(root.resolve("tmp"), 01777);
        TreeFiles.directory(root.resolve("var/lib/apt/lists/partial"), 0700);
        TreeFiles.directory(root.resolve("var/cache/apt/archives/partial"), 0700);
        // no package ships /etc/fstab; mmdebstrap writes this placeholder
        TreeFiles.write(root.resolve("etc/fstab"),
                "# UNCONFIGURED FSTAB FOR BASE SYSTEM\n".getBytes(StandardCharsets.US_ASCII), 0644);
    }

    /** What is written once the packages are configured. */
    void completeAfterConfigure(List<String> aptSources, List<String> autoInstalled, String architecture) {
        TreeFiles.write(root.resolve("var/lib/apt/lists/lock"), new byte[0], 0640);
        TreeFiles.write(root.resolve("var/cache/apt/archives/lock"), new byte[0], 0640);
        if (!aptSources.isEmpty()) {
            // mmdebstrap separates one-line entries by an empty line
            String text = String.join("\n\n", aptSources) + "\n";
            TreeFiles.write(root.resolve("etc/apt/sources.list"), text.getBytes(StandardCharsets.UTF_8), 0644);
        }
        if (!autoInstalled.isEmpty()) {
            StringBuilder states = new StringBuilder();
            for (String name : autoInstalled) {
                states.append("Package: ").append(name).append('\n').append("Architecture: ").append(architecture)
                        .append('\n').append("Auto-Installed: 1\n\n");
            }
            TreeFiles.write(root.resolve("var/lib/apt/extended_states"),
                    states.toString().getBytes(StandardCharsets.UTF_8), 0644);
        }
        TreeFiles.directory(root.resolve("dev/pts"), 0755);
        TreeFiles.directory(root.resolve("dev/shm"), 0755);
        for (String[] link : new String[][] {{"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"},
                {"stdout", "/proc/self/fd/1"}, {"stderr", "/proc/self/fd/2"}}) {
            Path p = root.resolve("dev").resolve(link[0]);
            try {
                java.nio.file.Files.deleteIfExists(p);
                java.nio.file.Files.createSymbolicLink(p, Path.of(link[1]));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + p + ": " + e.getMessage(), e);
            }
        }
    }

    /** The character devices of mmdebstrap's {@code /dev}, owned by root, mode 0666. */
    static List<TreeEntry> deviceNodes(Instant mtime) {
        int[][] numbers = {{5, 1}, {1, 7}, {1, 3}, {5, 2}, {1, 8}, {5, 0}, {1, 9}, {1, 5}};
        String[] names = {"console", "full", "null", "ptmx", "random", "tty", "urandom", "zero"};
        List<TreeEntry> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(TreeEntry.special("dev/" + names[i], EntryType.CHAR_DEVICE, 0666, numbers[i][0], numbers[i][1],
                    mtime));
        }
        return out;
    }
}
