package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs e2fsprogs' {@code e2fsck} and {@code debugfs} on an image the writer made: the oracle of these tests. */
final class E2fsTools {

    /** Exit code and combined output of one run. */
    record Run(int exit, String stdout, String stderr) {
    }

    private E2fsTools() {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("e2fs-out", ".txt");
        Path err = Files.createTempFile("e2fs-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code e2fsck -fn}: forced full check, no changes. */
    static Run fsck(Path image) throws IOException, InterruptedException {
        return run(List.of("e2fsck", "-fn", image.toString()));
    }

    /** One or more debugfs requests (each run with {@code -R}); returns standard output. */
    static String debugfs(Path image, String request) throws IOException, InterruptedException {
        Run r = run(List.of("debugfs", "-R", request, image.toString()));
        if (r.exit() != 0) {
            throw new IllegalStateException("debugfs -R '" + request + "' failed: " + r.stderr());
        }
        return r.stdout();
    }

    /** Runs many debugfs requests in one process ({@code -f}); returns standard output. */
    static String debugfsBatch(Path image, List<String> requests) throws IOException, InterruptedException {
        Path script = Files.createTempFile("debugfs", ".cmd");
        try {
            Files.write(script, requests, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of("debugfs", "-f", script.toString(), image.toString()));
            Run r = run(cmd);
            if (r.exit() != 0) {
                throw new IllegalStateException("debugfs -f failed: " + r.stderr());
            }
            return r.stdout();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** {@code debugfs -R 'dump -p PATH OUT'}: a file's bytes as the filesystem holds them. */
    static byte[] cat(Path image, String path) throws IOException, InterruptedException {
        Path dump = Files.createTempFile("debugfs-dump", ".bin");
        try {
            Files.delete(dump);
            debugfs(image, "dump /" + path + " " + dump);
            return Files.readAllBytes(dump);
        } finally {
            Files.deleteIfExists(dump);
        }
    }
}
