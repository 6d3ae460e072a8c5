package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.build.RootfsCleanup;
import org.remixstudio.engine.build.sandbox.CommandResult;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.spec.Customizations;
import org.remixstudio.engine.spec.FileSpec;
import org.remixstudio.engine.spec.UserSpec;

/**
 * Applies a spec's customizations to the finished package tree, as one shell script run by the image's
 * own tools inside the {@link Sandbox}: users with {@code groupadd}/{@code useradd}/{@code usermod}
 * (so {@code /etc/passwd}, {@code shadow} and {@code group} stay consistent, ids fixed by the spec),
 * then files with {@code install} (owners by name resolve against the image's accounts, including the
 * users just made), host name, time zone, locale, and {@code systemctl enable} for services.
 */
public final class CustomizationStep {

    private static final String FILE_DIR = "tmp/remix-files";

    private final Path root;
    private final SandboxMode mode;
    private final Sandbox sandbox;
    private final Long sourceDateEpoch;

    public CustomizationStep(Path root, SandboxMode mode, Long sourceDateEpoch) {
        this.root = root;
        this.mode = mode;
        this.sandbox = mode == SandboxMode.NONE ? null : new Sandbox(root, mode);
        this.sourceDateEpoch = sourceDateEpoch;
    }

    /** Runs in {@code sandbox}'s tree, e.g. the merged tree of an overlay. */
    public CustomizationStep(Sandbox sandbox, Long sourceDateEpoch) {
        this.root = sandbox.root();
        this.mode = sandbox.mode();
        this.sandbox = sandbox;
        this.sourceDateEpoch = sourceDateEpoch;
    }

    /** @throws EngineException when a command fails, with the end of its output */
    public void apply(Customizations c) {
        if (mode == SandboxMode.NONE) {
            throw new EngineException("The spec's customizations need the image's own tools run in a sandbox, and"
                    + " this process can make none. Run as root, or give the user ranges in /etc/subuid and /etc/subgid.");
        }
        try {
            Path dir = Files.createDirectories(root.resolve(FILE_DIR));
            for (int i = 0; i < c.files().size(); i++) {
                Files.write(dir.resolve(Integer.toString(i)), c.files().get(i).bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the spec's files in " + root, e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOME", "/root");
        env.put("LC_ALL", "C.UTF-8");
        if (sourceDateEpoch != null) {
            env.put("SOURCE_DATE_EPOCH", Long.toString(sourceDateEpoch));
        }
        CommandResult result = sandbox.run(script(c) + RootfsCleanup.script(), env, List.of(), l -> { });
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the build was cancelled while customizing");
        }
        if (!result.ok()) {
            throw new EngineException("Applying the spec's customizations failed (exit " + result.exitCode() + "):\n"
                    + result.tail(25) + "\nCheck the 'customizations' section of the spec.");
        }
    }

    /** The script, for the image's {@code /bin/sh}; staged file {@code i} is {@code /tmp/remix-files/i}. */
    static String script(Customizations c) {
        StringBuilder s = new StringBuilder("set -e\n");
        for (UserSpec u : c.users()) {
            user(s, u);
        }
        for (int i = 0; i < c.files().size(); i++) {
            FileSpec f = c.files().get(i);
            String[] owner = f.owner().split(":", 2);
            String dir = f.path().substring(0, Math.max(1, f.path().lastIndexOf('/')));
            s.append("mkdir -p ").append(q(dir)).append('\n');
            s.append("install -m ").append(f.modeString()).append(" -o ").append(q(owner[0])).append(" -g ")
                    .append(q(owner.length > 1 ? owner[1] : owner[0])).append(" /").append(FILE_DIR).append('/')
                    .append(i).append(' ').append(q(f.path())).append('\n');
        }
        c.hostname().ifPresent(h -> s.append("printf '%s\\n' ").append(q(h)).append(" > /etc/hostname\n"));
        c.timezone().ifPresent(z -> s.append("ln -sfn ").append(q("/usr/share/zoneinfo/" + z))
                .append(" /etc/localtime\nprintf '%s\\n' ").append(q(z)).append(" > /etc/timezone\n"));
        c.locale().ifPresent(l -> s.append("printf 'LANG=%s\\n' ").append(q(l)).append(" > /etc/default/locale\n"));
        if (!c.services().isEmpty()) {
            s.append("if ! command -v systemctl >/dev/null; then echo 'services to enable, but systemd is not"
                    + " installed: add systemd to a layer' >&2; exit 1; fi\n");
            for (String unit : c.services()) {
                s.append("systemctl enable ").append(q(unit)).append('\n');
            }
        }
        return s.toString();
    }

    private static void user(StringBuilder s, UserSpec u) {
        String name = q(u.name());
        if (u.name().equals("root")) {
            s.append("usermod -s ").append(q(u.shell())).append(" root\n");
        } else {
            int gid = u.gid().orElse(u.uid());
            s.append("getent group ").append(gid).append(" >/dev/null || groupadd -g ").append(gid).append(' ')
                    .append(name).append('\n');
            s.append("useradd -m -u ").append(u.uid()).append(" -g ").append(gid).append(" -s ").append(q(u.shell()))
                    .append(" -d ").append(q(u.home()));
            if (!u.groups().isEmpty()) {
                s.append(" -G ").append(q(String.join(",", u.groups())));
            }
            s.append(' ').append(name).append('\n');
        }
        u.passwordHash().ifPresent(h -> s.append("usermod -p ").append(q(h)).append(' ').append(name).append('\n'));
        if (!u.sshAuthorizedKeys().isEmpty()) {
            String ssh = u.home() + "/.ssh";
            s.append("mkdir -p ").append(q(ssh)).append(" && chmod 0700 ").append(q(ssh)).append('\n');
            s.append("printf '%s\\n'");
            u.sshAuthorizedKeys().forEach(k -> s.append(' ').append(q(k)));
            s.append(" > ").append(q(ssh + "/authorized_keys")).append('\n');
            s.append("chmod 0600 ").append(q(ssh + "/authorized_keys")).append('\n');
            s.append("chown -R ").append(name).append(": ").append(q(ssh)).append('\n');
        }
    }

    /** Single-quoted for the shell: nothing inside is expanded. */
    static String q(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
