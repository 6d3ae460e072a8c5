package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds real trees on disk for the layer tests (run as root, so ownership is real). */
final class Trees {

    static final Instant T0 = Instant.parse("2023-03-03T03:03:03Z");

    private Trees() {
    }

    static Path file(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(T0));
        return p;
    }

    static Path dir(Path root, String path) throws IOException {
        Path p = Files.createDirectories(root.resolve(path));
        Files.setLastModifiedTime(p, FileTime.from(T0));
        return p;
    }

    static void owner(Path p, int uid, int gid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    static void mode(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode);
    }

    static void mtime(Path p, Instant t) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(t));
    }

    static void xattr(Path p, String name, String value) throws IOException {
        Files.getFileAttributeView(p, UserDefinedFileAttributeView.class)
                .write(name, ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs a command that must succeed; returns its output. */
    static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** A copy keeping owners, modes, times, hard links and special files. */
    static Path copy(Path from, Path to) throws IOException, InterruptedException {
        sh("cp", "-a", from.toString(), to.toString());
        return to;
    }

    static List<String> sorted(List<String> paths) {
        return paths.stream().sorted().toList();
    }
}
