package org.remixstudio.engine.build.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.deb.ExtractOptions;

/**
 * The sandbox on a tiny tree made from the host's own {@code dash} and {@code env} with their
 * libraries (what {@code ldd} lists): enough for {@code /bin/sh -c} inside a chroot. Runs as root, as
 * the test suite does in CI; the user namespace variant is covered by the archive test that builds
 * as an ordinary user.
 */
class SandboxTest {

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void makeTinyTree() throws Exception {
        root = dir.resolve("root");
        for (String d : List.of("bin", "usr/bin", "proc", "sys", "dev", "tmp")) {
            Files.createDirectories(root.resolve(d));
        }
        copyWithLibraries("/usr/bin/dash", "bin/sh");
        copyWithLibraries("/usr/bin/env", "usr/bin/env");
    }

    @Test
    void detect_findsTheModeThisProcessCanUse() {
        SandboxMode mode = Sandbox.detect();
        if (ExtractOptions.runningAsRoot()) {
            assertThat(mode).isEqualTo(SandboxMode.ROOT);
        } else {
            assertThat(mode).isNotEqualTo(SandboxMode.ROOT);
        }
    }

    @Test
    void run_isPidOneOfItsOwnNamespace_withExactlyTheGivenEnvironment() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult r = new Sandbox(root, SandboxMode.ROOT).run("echo \"pid $$\" >&3; env >&3; echo to-log",
                Map.of("FOO", "bar"), List.of(), lines::add);
        assertThat(r.ok()).isTrue();
        assertThat(r.log()).contains("to-log");
        assertThat(lines).contains("pid 1", "FOO=bar", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        assertThat(lines).noneMatch(l -> l.startsWith("HOME=") || l.startsWith("USER=") || l.startsWith("JAVA"));
    }

    @Test
    void run_seesDevicesAndProc_andLeavesNoMountOrMountPointBehind() throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult r = new Sandbox(root, SandboxMode.ROOT).run(
                "echo x > /dev/null && read -r line < /proc/self/stat && echo proc-ok >&3 && [ -c /dev/zero ]"
                        + " && [ -d /dev/pts ] && [ -L /dev/fd ] && echo dev-ok >&3", Map.of(), List.of(), lines::add);
        assertThat(r.ok()).as(r.log()).isTrue();
        assertThat(lines).containsExactly("proc-ok", "dev-ok");
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(root.toString());
        try (var dev = Files.list(root.resolve("dev"))) {
            assertThat(dev).isEmpty();
        }
        try (var proc = Files.list(root.resolve("proc"))) {
            assertThat(proc).isEmpty();
        }
    }

    @Test
    void run_cannotRenameTheHostNorWriteKernelSettings() throws IOException {
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname"));
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult r = new Sandbox(root, SandboxMode.ROOT).run(
                "if echo remix-sandbox > /proc/sys/kernel/hostname; then echo wrote >&3; else echo refused >&3; fi;"
                        + " if echo x > /sys/kernel/uevent_helper; then echo wrote >&3; else echo refused >&3; fi",
                Map.of(), List.of(), lines::add);
        assertThat(r.ok()).as(r.log()).isTrue();
        assertThat(lines).containsExactly("refused", "refused");
        assertThat(Files.readString(Path.of("/proc/sys/kernel/hostname"))).isEqualTo(hostname);
    }

    @Test
    void run_failingScript_returnsItsStatusAndOutput() {
        CommandResult r = new Sandbox(root, SandboxMode.ROOT).run("echo something broke >&2; exit 3", Map.of(),
                List.of(), l -> { });
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.tail(5)).contains("something broke");
    }

    @Test
    void run_appliesOwnershipFixesBeforeTheScript() throws IOException {
        Files.writeString(root.resolve("tmp/owned"), "x");
        CommandResult r = new Sandbox(root, SandboxMode.ROOT).run("true", Map.of(),
                List.of(new OwnershipFix("tmp/owned", 5, 42, 02755)), l -> { });
        assertThat(r.ok()).as(r.log()).isTrue();
        assertThat(Files.getAttribute(root.resolve("tmp/owned"), "unix:uid")).isEqualTo(5);
        assertThat(Files.getAttribute(root.resolve("tmp/owned"), "unix:gid")).isEqualTo(42);
        assertThat((Integer) Files.getAttribute(root.resolve("tmp/owned"), "unix:mode") & 07777).isEqualTo(02755);
    }

    @Test
    void run_interrupted_killsTheScriptAndIsCancelled() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                new Sandbox(root, SandboxMode.ROOT).run("echo started >&3; while :; do :; done", Map.of(), List.of(),
                        l -> { });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(1500);
        t.interrupt();
        t.join(20_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void constructor_refusesNone() {
        assertThatThrownBy(() -> new Sandbox(root, SandboxMode.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    private void copyWithLibraries(String binary, String target) throws Exception {
        copy(Path.of(binary), root.resolve(target));
        Process p = new ProcessBuilder("ldd", binary).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : out.lines().toList()) {
            for (String word : line.strip().split("\\s+")) {
                if (word.startsWith("/")) {
                    copy(Path.of(word), root.resolve(word.substring(1)));
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        if (!Files.exists(to)) {
            Files.copy(from.toRealPath(), to);
        }
    }
}
