package org.remixstudio.engine.export.disk.ext4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks a tree needs besides the filesystem's own metadata, computed before anything is written:
 * file data as if no block were a hole (holes only ever save space), extent-tree blocks for
 * contiguous files, directory blocks exactly as {@link DirectoryBlocks} will lay them out, slow
 * symlink blocks and extended-attribute blocks.
 */
final class SpaceEstimate {

    /** mke2fs makes lost+found 16 KiB so e2fsck can reconnect files without allocating. */
    static final int LOST_FOUND_BLOCKS = 4;

    private SpaceEstimate() {
    }

    static long contentBlocks(FsTree tree, DirectoryBlocks directories) {
        long total = 0;
        for (FsTree.Node node : tree.nodes()) {
            switch (node.entry.type()) {
                case FILE -> {
                    long data = (node.entry.size() + Geometry.BLOCK_SIZE - 1) / Geometry.BLOCK_SIZE;
                    total += data + ExtentTree.treeBlocks((data + Extent.MAX_LENGTH - 1) / Extent.MAX_LENGTH);
                }
                case DIRECTORY -> {
                    List<byte[]> names = new ArrayList<>(node.children.size());
                    for (FsTree.Child c : node.children) {
                        names.add(c.name());
                    }
                    int min = node.inode == FsTree.LOST_FOUND_INODE ? LOST_FOUND_BLOCKS : 1;
                    int blocks = directories.blockCount(names, min);
                    total += blocks + ExtentTree.treeBlocks(blocks);
                }
                case SYMLINK -> total += node.entry.linkTarget().getBytes(StandardCharsets.UTF_8).length
                        >= FilesystemAssembler.FAST_SYMLINK_MAX ? 1 : 0;
                default -> {
                }
            }
            if (!node.entry.xattrs().isEmpty()
                    && XattrLayout.place(node.entry.xattrs(), node.entry.path()).block() != null) {
                total++;
            }
        }
        return total;
    }
}
