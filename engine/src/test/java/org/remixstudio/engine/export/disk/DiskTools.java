package org.remixstudio.engine.export.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real disk tools (sfdisk, sgdisk, fsck.fat, mtools, qemu-img) the tests check images with. */
public final class DiskTools {

    /** Exit code and combined output of a finished command. */
    public record Result(int exitCode, String output) {
    }

    private DiskTools() {
    }

    public static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("MTOOLS_SKIP_CHECK", "1");
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " timed out");
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs a command that must succeed, returning its output. */
    public static String ok(String... command) throws IOException, InterruptedException {
        Result r = run(command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }
}
