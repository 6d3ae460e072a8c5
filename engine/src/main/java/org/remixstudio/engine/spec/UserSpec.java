package org.remixstudio.engine.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user account to create in the image (or, for {@code root}, to adjust). Accounts get fixed ids
 * so that two builds of one spec give identical {@code /etc/passwd} files.
 *
 * @param gid               the primary group's id; empty means a group of the user's name with gid = uid
 * @param groups            supplementary groups, which must exist in the image (e.g. {@code sudo})
 * @param passwordHash      a crypt(3) hash ({@code $y$...}, {@code $6$...}) or {@code !} for a locked
 *                          password; empty means locked. Never a plain password.
 * @param sshAuthorizedKeys lines of {@code ~/.ssh/authorized_keys}
 * @param shell             login shell, default {@value #DEFAULT_SHELL}
 * @param home              home directory, default {@code /home/NAME} ({@code /root} for root)
 */
public record UserSpec(
        String name,
        int uid,
        OptionalInt gid,
        List<String> groups,
        Optional<String> passwordHash,
        List<String> sshAuthorizedKeys,
        String shell,
        String home) {

    public static final String DEFAULT_SHELL = "/bin/bash";

    public UserSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gid, "gid");
        groups = List.copyOf(groups);
        Objects.requireNonNull(passwordHash, "passwordHash");
        sshAuthorizedKeys = List.copyOf(sshAuthorizedKeys);
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(home, "home");
    }

    /** A user with the default shell and home, no password, groups or keys. */
    public static UserSpec of(String name, int uid) {
        return new UserSpec(name, uid, OptionalInt.empty(), List.of(), Optional.empty(), List.of(),
                DEFAULT_SHELL, defaultHome(name));
    }

    /** {@code /root} for root, {@code /home/NAME} for everyone else. */
    public static String defaultHome(String name) {
        return "root".equals(name) ? "/root" : "/home/" + name;
    }
}
