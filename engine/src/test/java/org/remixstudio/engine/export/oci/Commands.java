package org.remixstudio.engine.export.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real container tools (skopeo, umoci, podman) the tests check the images with. */
final class Commands {

    /** Exit code and combined output of a finished command. */
    record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8"); // tools print non-ASCII names as UTF-8, not escapes
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
    static String ok(String... command) throws IOException, InterruptedException {
        Result r = run(List.of(command));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }
}
