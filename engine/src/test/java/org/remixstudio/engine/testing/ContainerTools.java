package org.remixstudio.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real container tools the build-engine issue names as the judges of an image tarball:
 * {@code skopeo copy} from both of its forms (which checks every blob digest, unlike
 * {@code skopeo inspect}), and {@code podman load} plus {@code podman run} with the flags that work
 * on the CI machines, where plain {@code podman run} fails on rlimits and cgroups.
 */
public final class ContainerTools {

    /** The check of a built system, run inside the container with {@code sh -c}. */
    public static final String SMOKE_TEST = "dpkg --audit && apt-get --version && id root && awk --version";

    /**
     * {@link #SMOKE_TEST} for bookworm: its awk is mawk 1.3.4 20200120, which rejects {@code --version}
     * ("not an option", exit 2; trixie's mawk accepts it), so the version is asked the way that mawk
     * understands, {@code -W version}. Everything else is the command.
     */
    public static final String SMOKE_TEST_BOOKWORM = SMOKE_TEST.replace("awk --version", "awk -W version");

    private ContainerTools() {
    }

    /**
     * {@code skopeo copy oci-archive:ARCHIVE dir:WORK/oci} and {@code skopeo copy docker-archive:ARCHIVE
     * dir:WORK/docker}; fails with skopeo's output when either is refused.
     */
    public static void skopeoCopyBothWays(Path archive, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        sh("skopeo", "copy", "oci-archive:" + archive, "dir:" + work.resolve("oci"));
        sh("skopeo", "copy", "docker-archive:" + archive, "dir:" + work.resolve("docker"));
    }

    /** An image {@code podman load} took in; {@link #close()} removes it again. */
    public static final class LoadedImage implements AutoCloseable {

        private final String name;

        private LoadedImage(String name) {
            this.name = name;
        }

        /** The name podman knows the image by, e.g. {@code localhost/remix-test/x:t1}. */
        public String name() {
            return name;
        }

        /**
         * {@code podman --runtime runc run --rm --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 IMAGE
         * sh -c SCRIPT}, the command line; returns what it printed, fails when it exits non-zero.
         */
        public String run(String script) throws IOException, InterruptedException {
            return sh("podman", "--runtime", "runc", "run", "--rm", "--pull=never", "--ulimit", "nofile=1024:1024",
                    "--ulimit", "nproc=4096:4096", name, "sh", "-c", script);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            new ProcessBuilder("podman", "rmi", "--force", name).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    /**
     * {@code podman load -i ARCHIVE} of an archive written with the image reference {@code tag}
     * (a {@code name:tag} without registry, which podman files under {@code localhost/}).
     */
    public static LoadedImage podmanLoad(Path archive, String tag) throws IOException, InterruptedException {
        sh("podman", "load", "-i", archive.toString());
        return new LoadedImage("localhost/" + tag);
    }

    /** Runs a command, returns its output (stdout and stderr); fails with that output when it fails. */
    public static String sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
