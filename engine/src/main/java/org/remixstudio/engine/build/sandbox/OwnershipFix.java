package org.remixstudio.engine.build.sandbox;

/**
 * Ownership (and the mode to restore afterwards, since {@code chown} clears setuid and setgid) that a
 * path must get inside a user namespace, where a file written from outside belongs to uid 0.
 *
 * @param path tree path relative to the root, e.g. {@code usr/bin/chage}
 * @param uid  owner inside the tree
 * @param gid  group inside the tree
 * @param mode permission bits to set after the {@code chown}, or {@code -1} for a symbolic link
 */
public record OwnershipFix(String path, long uid, long gid, int mode) {
}
