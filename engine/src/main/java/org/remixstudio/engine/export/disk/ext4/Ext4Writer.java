package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.util.Collection;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Writes a tree as an ext4 filesystem into a disk image: the entry point of this package. The
 * filesystem has the features Debian 12's mke2fs gives ext4 (journal, extents, 64bit, flex_bg,
 * dir_index, huge_file, dir_nlink, extra_isize, metadata_csum), is clean, and passes
 * {@code e2fsck -fn}. The image region must read as zeros (a new sparse file): zero blocks are
 * skipped, never written.
 */
public final class Ext4Writer {

    /**
     * Writes the filesystem at byte {@code offset} of {@code channel}.
     *
     * @param entries every path of the tree; the root {@code "."} and parent directories may be omitted
     *                (they are made root-owned, 0755); hard links must name a non-directory in the tree
     * @param content the bytes of each regular file
     * @throws EngineException for a tree ext4 cannot hold or a size too small for it
     */
    public Ext4Result write(Collection<TreeEntry> entries, Ext4Content content, Ext4Options options,
                            FileChannel channel, long offset) throws IOException {
        return write(entries, content, options, channel, offset, event -> { });
    }

    /**
     * As {@link #write(Collection, Ext4Content, Ext4Options, FileChannel, long)}, reporting progress
     * after every inode: step {@code ext4}, the path, file bytes written so far of all.
     */
    public Ext4Result write(Collection<TreeEntry> entries, Ext4Content content, Ext4Options options,
                            FileChannel channel, long offset, Consumer<ProgressEvent> progress) throws IOException {
        FsTree tree = FsTree.build(entries, options.timestamp());
        DirectoryLayouts directories = directories(options);
        Geometry geometry = geometry(tree, directories, options);
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("ext4 image writing interrupted");
        }
        try {
            ImageWriter out = new ImageWriter(channel, offset);
            return new FilesystemAssembler(tree, geometry, options, content, out, directories, progress).write();
        } catch (ClosedByInterruptException e) {
            CancellationException cancelled = new CancellationException("ext4 image writing interrupted");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    /**
     * The smallest filesystem, in bytes, that holds {@code entries} with {@code freeBytes} to spare
     * (the size {@link Ext4Size.ContentPlus} gives). File sizes are taken as if files had no holes.
     */
    public long minimalSize(Collection<TreeEntry> entries, long freeBytes, Ext4Options options) {
        FsTree tree = FsTree.build(entries, options.timestamp());
        Ext4Options sized = options.withSize(new Ext4Size.ContentPlus(freeBytes));
        return geometry(tree, directories(options), sized).blockCount() * Geometry.BLOCK_SIZE;
    }

    private static DirectoryLayouts directories(Ext4Options options) {
        byte[] seed = FilesystemAssembler.uuidBytes(options.hashSeed());
        int[] words = new int[4];
        for (int i = 0; i < 4; i++) {
            words[i] = (int) LittleEndian.get32(seed, 4 * i);
        }
        // Signed-char hashing, as mke2fs on x86 records in s_flags (Superblock.FLAG_SIGNED_HASH).
        DirectoryBlocks blocks = new DirectoryBlocks(new DirHash(DirHash.HALF_MD4, words)::hash, DirHash.HALF_MD4);
        return new DirectoryLayouts(blocks, new Checksums(FilesystemAssembler.uuidBytes(options.uuid())));
    }

    private static Geometry geometry(FsTree tree, DirectoryLayouts directories, Ext4Options options) {
        long content = SpaceEstimate.contentBlocks(tree, directories);
        long inodes = tree.highestInode();
        int ratio = options.bytesPerInode();
        int journal = options.journalBlocks();
        try {
            if (options.size() instanceof Ext4Size.Fixed fixed) {
                Geometry g = Geometry.of(fixed.bytes() / Geometry.BLOCK_SIZE, ratio, inodes, journal);
                long need = content + g.overheadBlocks() + slack(g);
                if (need > g.blockCount()) {
                    throw new EngineException("a filesystem of " + fixed.bytes() + " bytes is too small for the tree: it needs"
                            + " at least " + need * Geometry.BLOCK_SIZE + " bytes; give a larger disk size");
                }
                return g;
            }
            long free = (((Ext4Size.ContentPlus) options.size()).freeBytes() + Geometry.BLOCK_SIZE - 1)
                    / Geometry.BLOCK_SIZE;
            long request = Math.max(Geometry.MIN_BLOCKS, content + free);
            // A group holds at most one inode per block: many tiny files need more groups than their bytes do.
            long groupsForInodes = (inodes + Geometry.BLOCKS_PER_GROUP - 1) / Geometry.BLOCKS_PER_GROUP;
            if (groupsForInodes > 1) {
                request = Math.max(request, (groupsForInodes - 1) * Geometry.BLOCKS_PER_GROUP + Geometry.MIN_LAST_GROUP);
            }
            for (int round = 0; round < 64; round++) {
                Geometry g = Geometry.of(request, ratio, inodes, journal);
                long need = content + free + g.overheadBlocks() + slack(g);
                if (g.blockCount() >= need) {
                    return g;
                }
                request = Math.max(request + 1, need);
            }
            throw new IllegalStateException("ext4 size computation did not settle");
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** Room for extents split at metadata and for rounding: a little per group. */
    private static long slack(Geometry g) {
        return 64 + 4L * g.groupCount();
    }
}
