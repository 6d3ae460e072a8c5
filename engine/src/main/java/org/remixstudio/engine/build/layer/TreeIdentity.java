package org.remixstudio.engine.build.layer;

/**
 * Which directory on which file system a manifest was scanned from: the device and inode of its
 * root. Inode numbers of two manifests can be compared only when their identities are equal, that
 * is, when both describe the same directory at two moments.
 *
 * @param device    {@code unix:dev} of the tree's root
 * @param rootInode {@code unix:ino} of the tree's root
 */
public record TreeIdentity(long device, long rootInode) {
}
