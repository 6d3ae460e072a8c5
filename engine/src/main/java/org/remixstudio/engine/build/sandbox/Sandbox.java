package org.remixstudio.engine.build.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;

/**
 * Runs shell commands inside a root filesystem tree without letting them touch the host: the
 * command runs under {@code chroot} in private mount, PID, UTS, IPC and network namespaces made with
 * util-linux {@code unshare} (as root), or additionally in an unprivileged user namespace mapped onto
 * the user's subordinate ids ({@code unshare --map-auto --map-root-user}, like mmdebstrap's unshare
 * mode). A script can therefore neither rename the host ({@code hostname}), nor reach the network
 * (maintainer scripts have no business there; only an unconfigured loopback exists), nor signal host
 * processes. In there, {@code /proc} is a fresh read-only procfs of the new PID namespace,
 * {@code /sys} a read-only sysfs (or a read-only bind of the host's where a new one cannot be mounted),
 * {@code /dev} gets bind mounts of the harmless character devices (null, zero, full, random,
 * urandom, tty), a new devpts instance and a private tmpfs for {@code /dev/shm}, as mmdebstrap sets
 * them up. The mounts exist only in the private namespace, so they vanish with it and never reach the
 * host's mount table; the empty files and directories they were mounted on are removed afterwards.
 * The environment is emptied ({@code env -i}) and set to exactly what the caller passes, so no host
 * variable leaks in.
 *
 * <p>The inner script's standard output and error both go to a log; it reports progress by writing
 * lines to file descriptor 3, which the caller receives one by one.
 */
public final class Sandbox {

    /** Device files bind-mounted from the host, as mmdebstrap's {@code @devfiles} lists them. */
    static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final int LOG_LIMIT = 1 << 20;

    private static final String HOST_SCRIPT = String.join("\n",
            "set -eu",
            "R=$1; FIXES=$2; shift 2",
            "mount -t proc -o ro,nosuid,nodev,noexec proc \"$R/proc\"",
            "if ! mount -t sysfs -o ro,nosuid,nodev,noexec sysfs \"$R/sys\" 2>/dev/null; then",
            "  mount -o rbind /sys \"$R/sys\" && mount -o remount,bind,ro \"$R/sys\" 2>/dev/null || true",
            "fi",
            "for d in " + String.join(" ", DEVICES) + "; do",
            "  if [ -c \"/dev/$d\" ]; then mount -o bind \"/dev/$d\" \"$R/dev/$d\"; fi",
            "done",
            "mount -t devpts -o noexec,nosuid,newinstance,ptmxmode=0666,mode=0620 devpts \"$R/dev/pts\"",
            "mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs \"$R/dev/shm\"",
            "if [ -n \"$FIXES\" ]; then",
            "  while read -r uid gid mode path; do",
            "    chown -h \"$uid:$gid\" \"$R/$path\"",
            "    if [ \"$mode\" != - ]; then chmod \"$mode\" \"$R/$path\"; fi",
            "  done < \"$FIXES\"",
            "fi",
            "exec 3>&1 1>&2",
            "exec chroot \"$R\" /usr/bin/env -i \"$@\"",
            "");

    private final Path root;
    private final SandboxMode mode;
    /** The tree's path where the host script runs; differs from {@link #root} for an {@link OverlayMount}. */
    private final Path scriptRoot;
    /** What enters the mount namespace the tree is mounted in, or nothing. */
    private final List<String> enter;

    /**
     * @param root the tree; it must hold {@code proc}, {@code sys} and {@code dev} directories and a working
     *             {@code /bin/sh} and {@code /usr/bin/env}
     * @param mode {@link SandboxMode#ROOT} or {@link SandboxMode#USER_NAMESPACE}
     */
    public Sandbox(Path root, SandboxMode mode) {
        if (mode == SandboxMode.NONE) {
            throw new IllegalArgumentException("a sandbox needs ROOT or USER_NAMESPACE mode");
        }
        this.root = root.toAbsolutePath();
        this.mode = mode;
        this.scriptRoot = this.root;
        this.enter = List.of();
    }

    /**
     * A sandbox over the merged tree of an overlay: this process prepares it through
     * {@link OverlayMount#view()}, the sandbox is made inside the overlay's mount namespace.
     */
    public Sandbox(OverlayMount overlay, SandboxMode mode) {
        if (mode != SandboxMode.ROOT) {
            throw new IllegalArgumentException("an overlay sandbox needs ROOT mode");
        }
        this.root = overlay.view();
        this.mode = mode;
        this.scriptRoot = overlay.mountPoint();
        this.enter = overlay.enterCommand();
    }

    public SandboxMode mode() {
        return mode;
    }

    /** The tree as this process reaches it. */
    public Path root() {
        return root;
    }

    /**
     * Finds which mode works for this process: {@link SandboxMode#ROOT} when it runs as root and may
     * create namespaces, else {@link SandboxMode#USER_NAMESPACE} when an unprivileged user namespace
     * with subordinate ids can be made, else {@link SandboxMode#NONE}.
     */
    public static SandboxMode detect() {
        if (org.remixstudio.engine.deb.ExtractOptions.runningAsRoot()
                && probe(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child", "true"))) {
            return SandboxMode.ROOT;
        }
        if (probe(List.of("unshare", "--map-auto", "--map-root-user", "--mount", "--pid", "--fork", "--kill-child",
                "sh", "-c", "test $(wc -l < /proc/self/uid_map) -gt 1 && test $(wc -l < /proc/self/gid_map) -gt 1"))) {
            return SandboxMode.USER_NAMESPACE;
        }
        return SandboxMode.NONE;
    }

    /**
     * Deletes a tree built in {@code mode}. A tree built in a user namespace holds files of the user's
     * subordinate ids, which the user can only remove from inside such a namespace; that is where
     * {@code rm -rf --one-file-system} runs then. Other trees are deleted directly.
     *
     * @throws EngineException naming the tree when it cannot be removed
     */
    public static void removeTree(Path tree, SandboxMode mode) {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> command = new ArrayList<>();
        if (mode == SandboxMode.USER_NAMESPACE) {
            command.addAll(List.of("unshare", "--map-auto", "--map-root-user"));
        }
        command.addAll(List.of("rm", "-rf", "--one-file-system", "--", tree.toAbsolutePath().toString()));
        if (!probe(command) || Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            throw new EngineException("Cannot delete the tree " + tree + ". Check that nothing is mounted inside it"
                    + " and that you own it, then delete it by hand.");
        }
    }

    private static boolean probe(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("probing the sandbox was cancelled");
        }
    }

    /**
     * Runs {@code /bin/sh -c script} inside the tree.
     *
     * @param script      the script, run by the tree's own {@code /bin/sh}
     * @param environment the complete environment inside ({@code PATH} is added when missing)
     * @param ownership   ownership to apply inside the namespace before the script runs (the user namespace
     *                    mode needs it: files written from outside belong to uid 0 inside), or empty
     * @param status      receives each line the script writes to file descriptor 3
     * @throws CancellationException when the thread is interrupted; the whole process tree is killed
     */
    public CommandResult run(String script, Map<String, String> environment, List<OwnershipFix> ownership,
                             Consumer<String> status) {
        List<Path> placeholders = createMountPoints();
        Path fixes = null;
        try {
            if (!ownership.isEmpty()) {
                fixes = Files.createTempFile("remix-ownership", ".txt");
                StringBuilder sb = new StringBuilder();
                for (OwnershipFix f : ownership) {
                    sb.append(f.uid()).append(' ').append(f.gid()).append(' ')
                            .append(f.mode() < 0 ? "-" : Integer.toOctalString(f.mode())).append(' ')
                            .append(f.path()).append('\n');
                }
                Files.writeString(fixes, sb.toString(), StandardCharsets.UTF_8);
                fixes.toFile().setReadable(true, false);
            }
            List<String> command = new ArrayList<>(enter);
            command.addAll(unshare());
            command.addAll(List.of("sh", "-c", HOST_SCRIPT, "sandbox", scriptRoot.toString(),
                    fixes == null ? "" : fixes.toString()));
            Map<String, String> env = new TreeMap<>(environment);
            env.putIfAbsent("PATH", PATH);
            env.forEach((k, v) -> command.add(k + "=" + v));
            command.addAll(List.of("/bin/sh", "-c", script));
            return execute(command, status);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a command in " + root + ": " + e.getMessage(), e);
        } finally {
            removeMountPoints(placeholders);
            if (fixes != null) {
                try {
                    Files.deleteIfExists(fixes);
                } catch (IOException e) {
                    // a temp file in the system temp directory; nothing depends on it
                }
            }
        }
    }

    private List<String> unshare() {
        return mode == SandboxMode.ROOT
                ? List.of("unshare", "--mount", "--pid", "--uts", "--ipc", "--net", "--fork", "--kill-child",
                        "--propagation", "private")
                : List.of("unshare", "--map-auto", "--map-root-user", "--mount", "--pid", "--uts", "--ipc", "--net",
                        "--fork", "--kill-child", "--propagation", "private");
    }

    private CommandResult execute(List<String> command, Consumer<String> status) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", PATH);
        Process process = pb.start();
        StringBuilder log = new StringBuilder();
        Thread logReader = new Thread(() -> drain(process.getErrorStream(), log), "sandbox-log");
        Thread statusReader = new Thread(() -> forward(process.getInputStream(), status), "sandbox-status");
        logReader.setDaemon(true);
        statusReader.setDaemon(true);
        logReader.start();
        statusReader.start();
        try {
            // waitFor, unlike a blocked read, answers an interrupt at once
            int exit = process.waitFor();
            statusReader.join(10_000);
            logReader.join(10_000);
            synchronized (log) {
                return new CommandResult(exit, log.toString());
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new CancellationException("running maintainer scripts in " + root + " was cancelled");
        }
    }

    private static void forward(InputStream in, Consumer<String> status) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                status.accept(line);
            }
        } catch (IOException e) {
            // the process ended or was killed; nothing more to report
        }
    }

    /**
     * Kills the {@code unshare} process; with {@code --kill-child} its child, the PID namespace's init, dies
     * with it and the kernel kills everything else in the namespace.
     */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(InputStream in, StringBuilder log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    log.append(line).append('\n');
                    if (log.length() > LOG_LIMIT) {
                        log.delete(0, log.length() - LOG_LIMIT / 2);
                    }
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    /** Empty files and directories to mount on; returned deepest first for removal. */
    private List<Path> createMountPoints() {
        List<Path> created = new ArrayList<>();
        try {
            for (String dir : List.of("proc", "sys", "dev")) {
                Path p = root.resolve(dir);
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new EngineException(root + " has no /" + dir + " directory to mount on; the package set"
                            + " lacks base-files. Add it to the packages.");
                }
            }
            for (String dir : List.of("dev/pts", "dev/shm")) {
                Path p = root.resolve(dir);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(p);
                    created.add(p);
                }
            }
            for (String dev : DEVICES) {
                Path p = root.resolve("dev").resolve(dev);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createFile(p);
                    created.add(p);
                }
            }
            Path ptmx = root.resolve("dev/ptmx");
            if (!Files.exists(ptmx, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(ptmx, Path.of("pts/ptmx"));
                created.add(ptmx);
            }
            for (String[] link : new String[][] {{"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"},
                    {"stdout", "/proc/self/fd/1"}, {"stderr", "/proc/self/fd/2"}}) {
                Path p = root.resolve("dev").resolve(link[0]);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(p, Path.of(link[1]));
                    created.add(p);
                }
            }
        } catch (IOException e) {
            removeMountPoints(created);
            throw new UncheckedIOException("cannot prepare " + root + "/dev: " + e.getMessage(), e);
        }
        java.util.Collections.reverse(created);
        return created;
    }

    private static void removeMountPoints(List<Path> created) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the mount point " + p + " after the sandbox ended"
                        + " (is something still mounted there?): " + e.getMessage(), e);
            }
        }
    }
}
