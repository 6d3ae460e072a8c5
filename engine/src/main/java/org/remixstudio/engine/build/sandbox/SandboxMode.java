package org.remixstudio.engine.build.sandbox;

/** How maintainer scripts can be run inside a tree without touching the host. */
public enum SandboxMode {
    /** Real root: {@code chroot} inside private mount and PID namespaces. */
    ROOT,
    /**
     * An ordinary user: an unprivileged user namespace whose uid and gid 0 are the user and whose ids
     * 1…65535 come from the user's subordinate ranges ({@code /etc/subuid}, {@code /etc/subgid}; mmdebstrap's
     * unshare mode), plus private mount and PID namespaces and {@code chroot}.
     */
    USER_NAMESPACE,
    /** Neither works here: packages stay unpacked, not configured. */
    NONE
}
