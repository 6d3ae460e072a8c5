/**
 * The file-tree model shared by everything that reads or writes a root filesystem: one immutable
 * {@link org.remixstudio.engine.tree.TreeEntry} per path (type, mode, numeric and named owner, mtime,
 * link target, device numbers, extended attributes), as found in a {@code .deb}'s {@code data.tar},
 * extracted into a directory, or written into an OCI layer. Paths are normalized and relative, and
 * can never climb out of the tree: {@link org.remixstudio.engine.tree.TreePaths} refuses them first.
 */
package org.remixstudio.engine.tree;
