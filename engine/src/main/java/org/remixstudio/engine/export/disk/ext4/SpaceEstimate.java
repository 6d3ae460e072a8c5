package org.remixstudio.engine.export.disk.ext4;

import java.nio.charset.StandardCharsets;

/**
 * Blocks a tree needs besides the filesystem's own metadata, computed before anything is written:
 * file data as if no block were a hole (holes only ever save space), extent-tree blocks for
 * contiguous files, directory blocks as laid out for writing ({@link DirectoryLayouts}), slow
 * symlink blocks and extended-attribute blocks.
 */
final class SpaceEstimate {

    private SpaceEstimate() {
    }

    static long contentBlocks(FsTree tree, DirectoryLayouts directories) {
        long total = 0;
        for (FsTree.Node node : tree.nodes()) {
            switch (node.entry.type()) {
                case FILE -> {
                    long data = (node.entry.size() + Geometry.BLOCK_SIZE - 1) / Geometry.BLOCK_SIZE;
                    total += data + ExtentTree.treeBlocks((data + Extent.MAX_LENGTH - 1) / Extent.MAX_LENGTH);
                }
                case DIRECTORY -> {
                    int blocks = directories.of(node).blocks().size();
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
