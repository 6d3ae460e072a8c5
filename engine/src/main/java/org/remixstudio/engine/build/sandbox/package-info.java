/**
 * Runs commands inside a root filesystem tree, isolated from the host: {@code chroot} in private
 * mount and PID namespaces as root, or in an unprivileged user namespace over the user's subordinate
 * ids otherwise; the mounts the tree needs ({@code /proc}, {@code /sys}, a few {@code /dev} nodes)
 * live only in that namespace. {@link org.remixstudio.engine.build.sandbox.OverlayMount} mounts an
 * overlay over a read-only tree in a private mount namespace of its own, which a sandbox can enter.
 */
package org.remixstudio.engine.build.sandbox;
