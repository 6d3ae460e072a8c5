package org.remixstudio.engine.export.disk.ext4;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.tree.EntryType;

/**
 * The blocks of every directory of a tree, laid out once: sizing needs their count before anything
 * is written, the assembler needs their bytes, and inode numbers are known from the start, so the
 * first answer serves both.
 */
final class DirectoryLayouts {

    /** mke2fs makes lost+found 16 KiB so e2fsck can reconnect files without allocating. */
    static final int LOST_FOUND_BLOCKS = 4;

    private final DirectoryBlocks blocks;
    private final Checksums checksums;
    private final Map<FsTree.Node, DirectoryBlocks.Built> built = new IdentityHashMap<>();

    DirectoryLayouts(DirectoryBlocks blocks, Checksums checksums) {
        this.blocks = blocks;
        this.checksums = checksums;
    }

    DirectoryBlocks.Built of(FsTree.Node dir) {
        return built.computeIfAbsent(dir, this::layOut);
    }

    private DirectoryBlocks.Built layOut(FsTree.Node dir) {
        List<DirEntry> entries = new ArrayList<>(dir.children.size());
        for (FsTree.Child c : dir.children) {
            entries.add(new DirEntry(c.name(), c.node().inode, fileType(c.node().entry.type())));
        }
        int min = dir.inode == FsTree.LOST_FOUND_INODE ? LOST_FOUND_BLOCKS : 1;
        return blocks.build(dir.inode, dir.parent.inode, entries, min, checksums.inodeSeed(dir.inode, 0),
                dir.entry.path());
    }

    private static int fileType(EntryType type) {
        return switch (type) {
            case FILE, HARDLINK -> DirEntry.TYPE_FILE;
            case DIRECTORY -> DirEntry.TYPE_DIR;
            case SYMLINK -> DirEntry.TYPE_SYMLINK;
            case CHAR_DEVICE -> DirEntry.TYPE_CHR;
            case BLOCK_DEVICE -> DirEntry.TYPE_BLK;
            case FIFO -> DirEntry.TYPE_FIFO;
        };
    }
}
