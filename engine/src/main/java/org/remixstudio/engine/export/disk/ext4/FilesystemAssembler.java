package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * One filesystem being written: places the group metadata (flex_bg: the bitmaps and inode tables of
 * 16 groups together at the start of the first), the journal, then every inode's data in inode
 * order, and finally the inode tables, bitmaps, group descriptors and super blocks
 * (Documentation/filesystems/ext4/overview.rst "Block Groups", "Flexible Block Groups",
 * "Special inodes"; journal.rst; inodes.rst; ifork.rst for what {@code i_block} holds per type).
 */
final class FilesystemAssembler {

    /** Targets shorter than this live in {@code i_block} ("fast" symlinks, ifork.rst "Symbolic Links"). */
    static final int FAST_SYMLINK_MAX = 60;
    private static final int BS = Geometry.BLOCK_SIZE;
    private static final int CHUNK_BLOCKS = 256;
    /** Extents address 2^32 logical blocks. */
    private static final long MAX_FILE_SIZE = (1L << 32) * BS;
    /** The {@link ProgressEvent#step()} of this writer: file content bytes written of all. */
    static final String STEP = "ext4";

    private final FsTree tree;
    private final Geometry geometry;
    private final Ext4Options options;
    private final Ext4Content content;
    private final ImageWriter out;
    private final Checksums checksums;
    private final BlockAllocator allocator;
    private final DirectoryLayouts directories;
    private final byte[] uuid;
    private final byte[] inodeTable;
    private final byte[] buffer = new byte[CHUNK_BLOCKS * BS];
    private final Consumer<ProgressEvent> progress;
    private final long totalBytes;
    private long doneBytes;

    FilesystemAssembler(FsTree tree, Geometry geometry, Ext4Options options, Ext4Content content, ImageWriter out,
                        DirectoryLayouts directories, Consumer<ProgressEvent> progress) {
        this.tree = tree;
        this.progress = progress;
        long bytes = 0;
        for (FsTree.Node node : tree.nodes()) {
            bytes += node.entry.size();
        }
        this.totalBytes = bytes;
        this.geometry = geometry;
        this.options = options;
        this.content = content;
        this.out = out;
        this.directories = directories;
        this.uuid = uuidBytes(options.uuid());
        this.checksums = new Checksums(uuid);
        this.allocator = new BlockAllocator(geometry);
        long tableBytes = (long) tree.highestInode() * Geometry.INODE_SIZE;
        this.inodeTable = new byte[(int) ((tableBytes + BS - 1) / BS * BS)];
    }

    static byte[] uuidBytes(java.util.UUID id) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (id.getMostSignificantBits() >>> (56 - 8 * i));
            b[8 + i] = (byte) (id.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }

    /** Where each group's bitmaps and inode table live. */
    private record GroupTables(long[] blockBitmap, long[] inodeBitmap, long[] inodeTable) {
    }

    Ext4Result write() throws IOException {
        for (int g = 0; g < geometry.groupCount(); g++) {
            if (Geometry.hasSuperblock(g)) {
                allocator.markUsed(geometry.groupStart(g), 1 + geometry.gdtBlocks());
            }
        }
        GroupTables tables = placeGroupTables();
        Instant time = options.timestamp();
        byte[] journalArea = writeJournal(time);
        for (FsTree.Node node : tree.nodes()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("ext4 image writing interrupted");
            }
            Inode inode = writeNode(node, time);
            doneBytes += node.entry.size();
            progress.accept(new ProgressEvent(STEP, node.entry.path(), doneBytes, totalBytes, ProgressEvent.Unit.BYTES));
            System.arraycopy(inode.encode(checksums, node.inode), 0, inodeTable,
                    (node.inode - 1) * Geometry.INODE_SIZE, Geometry.INODE_SIZE);
        }
        byte[] gdt = new byte[geometry.gdtBlocks() * BS];
        long[] free = writeGroups(tables, gdt);
        long reserved = geometry.blockCount() * options.reservedPercent() / 100;
        Superblock sb = new Superblock(geometry, uuid, uuidBytes(options.hashSeed()), options.label(),
                time.getEpochSecond(), free[0], free[1], reserved, journalArea, (long) geometry.journalBlocks() * BS);
        for (int g = 0; g < geometry.groupCount(); g++) {
            if (Geometry.hasSuperblock(g)) {
                long start = geometry.groupStart(g);
                out.writeAt(start * BS + (g == 0 ? 1024 : 0), sb.encode(g), 0, 1024);
                out.writeBlocks(start + 1, gdt, 0, geometry.gdtBlocks());
            }
        }
        out.ensureLength(geometry.blockCount() * BS);
        return new Ext4Result(geometry.blockCount() * BS, options.uuid(), BS, geometry.blockCount(), free[0],
                geometry.inodeCount(), free[1]);
    }

    /**
     * flex_bg placement, as mke2fs does it: the block bitmaps, then the inode bitmaps, then the inode
     * tables of 16 groups, packed from the start of the first group of the 16.
     */
    private GroupTables placeGroupTables() {
        int groups = geometry.groupCount();
        GroupTables t = new GroupTables(new long[groups], new long[groups], new long[groups]);
        for (int first = 0; first < groups; first += Geometry.GROUPS_PER_FLEX) {
            int end = Math.min(groups, first + Geometry.GROUPS_PER_FLEX);
            long from = geometry.groupStart(first);
            for (int g = first; g < end; g++) {
                t.blockBitmap()[g] = allocator.allocateRun(from, 1, "block bitmaps");
            }
            for (int g = first; g < end; g++) {
                t.inodeBitmap()[g] = allocator.allocateRun(from, 1, "inode bitmaps");
            }
            for (int g = first; g < end; g++) {
                t.inodeTable()[g] = allocator.allocateRun(from, geometry.inodeTableBlocks(), "inode tables");
            }
        }
        return t;
    }

    /**
     * Writes every group's inode table, inode bitmap and block bitmap and fills in its descriptor.
     * Inodes are numbered without gaps, so a group's used inodes are a prefix of its table; a group
     * with none is marked {@code INODE_UNINIT} and its bitmap left unwritten. Returns the free block
     * and free inode totals.
     */
    private long[] writeGroups(GroupTables tables, byte[] gdt) throws IOException {
        int highest = tree.highestInode();
        int ipg = geometry.inodesPerGroup();
        int[] dirs = new int[geometry.groupCount()];
        for (FsTree.Node node : tree.nodes()) {
            if (node.isDirectory()) {
                dirs[(node.inode - 1) / ipg]++;
            }
        }
        long freeBlocks = 0;
        long freeInodes = 0;
        for (int g = 0; g < geometry.groupCount(); g++) {
            int used = (int) Math.max(0, Math.min(ipg, highest - (long) g * ipg));
            if (used > 0) {
                int blocks = (used * Geometry.INODE_SIZE + BS - 1) / BS;
                out.writeBlocks(tables.inodeTable()[g], inodeTable, g * ipg * Geometry.INODE_SIZE, blocks);
            }
            byte[] ibm = new byte[BS];
            Arrays.fill(ibm, 0, used / 8, (byte) 0xFF);
            for (int i = used / 8 * 8; i < used; i++) {
                ibm[i >>> 3] |= (byte) (1 << (i & 7));
            }
            Arrays.fill(ibm, ipg / 8, BS, (byte) 0xFF);        // padding past the group's inodes
            int ibmCsum = Crc32c.update(checksums.fsSeed(), ibm, 0, ipg / 8);
            if (used > 0) {
                out.writeBlocks(tables.inodeBitmap()[g], ibm, 0, 1);
            }
            byte[] bbm = allocator.groupBitmap(g);
            int bbmCsum = Crc32c.update(checksums.fsSeed(), bbm, 0, BS);
            out.writeBlocks(tables.blockBitmap()[g], bbm, 0, 1);
            int free = allocator.groupFree(g);
            freeBlocks += free;
            freeInodes += ipg - used;
            int flags = GroupDescriptor.ITABLE_ZEROED | (used == 0 ? GroupDescriptor.INODE_UNINIT : 0);
            new GroupDescriptor(tables.blockBitmap()[g], tables.inodeBitmap()[g], tables.inodeTable()[g], free,
                    ipg - used, dirs[g], flags, bbmCsum, ibmCsum, ipg - used)
                    .encodeInto(gdt, g * Geometry.DESC_SIZE, g, checksums);
        }
        return new long[] {freeBlocks, freeInodes};
    }

    /** Inode 8: one contiguous run holding a clean jbd2 journal; returns its {@code i_block}. */
    private byte[] writeJournal(Instant time) throws IOException {
        int blocks = geometry.journalBlocks();
        long start = allocator.allocateRun(0, blocks, "the journal");
        out.writeRaw(start, JournalSuperblock.encode(blocks, uuid), 0, BS);
        List<Extent> extents = new ArrayList<>();
        for (long done = 0; done < blocks; done += Extent.MAX_LENGTH) {
            extents.add(new Extent(done, (int) Math.min(Extent.MAX_LENGTH, blocks - done), start + done));
        }
        ExtentTree.Built tree = ExtentTree.write(extents, allocator, out,
                checksums.inodeSeed(Superblock.JOURNAL_INODE, 0), "<journal>");
        Inode inode = new Inode(Inode.S_IFREG | 0600, 0, 0, (long) blocks * BS, 1,
                (long) (blocks + tree.treeBlocks()) * (BS / 512), Inode.FLAG_EXTENTS, tree.blockArea(), 0,
                time, time, time, time, new byte[0]);
        byte[] encoded = inode.encode(checksums, Superblock.JOURNAL_INODE);
        System.arraycopy(encoded, 0, inodeTable, (Superblock.JOURNAL_INODE - 1) * Geometry.INODE_SIZE,
                Geometry.INODE_SIZE);
        return tree.blockArea();
    }

    private Inode writeNode(FsTree.Node node, Instant time) throws IOException {
        TreeEntry e = node.entry;
        String path = e.path();
        if (e.uid() > 0xFFFFFFFFL || e.gid() > 0xFFFFFFFFL) {
            throw new EngineException("'" + path + "' has uid/gid " + e.uid() + "/" + e.gid()
                    + ", larger than ext4's 32-bit ids");
        }
        if (!Inode.representable(e.mtime())) {
            throw new EngineException("'" + path + "' has mtime " + e.mtime()
                    + ", outside what ext4 records (1901-12-13 to 2446-05-10)");
        }
        int seed = checksums.inodeSeed(node.inode, 0);
        XattrLayout.Placed xattrs = XattrLayout.place(e.xattrs(), path);
        long fileAcl = 0;
        if (xattrs.block() != null) {
            fileAcl = allocator.allocate(path);
            XattrLayout.sealBlock(xattrs.block(), fileAcl, checksums);
            out.writeRaw(fileAcl, xattrs.block(), 0, BS);
        }
        long blocks = fileAcl != 0 ? 1 : 0;
        byte[] area = new byte[60];
        int flags = 0;
        long size = 0;
        int typeBits;
        switch (e.type()) {
            case FILE -> {
                typeBits = Inode.S_IFREG;
                List<Extent> extents = writeFileData(e);
                ExtentTree.Built built = ExtentTree.write(extents, allocator, out, seed, path);
                area = built.blockArea();
                flags = Inode.FLAG_EXTENTS;
                size = e.size();
                blocks += built.treeBlocks();
                for (Extent x : extents) {
                    blocks += x.length();
                }
            }
            case DIRECTORY -> {
                typeBits = Inode.S_IFDIR;
                DirectoryBlocks.Built dir = directories.of(node);
                List<Extent> extents = new ArrayList<>();
                for (int i = 0; i < dir.blocks().size(); i++) {
                    long physical = allocator.allocate(path);
                    out.writeRaw(physical, dir.blocks().get(i), 0, BS);
                    extend(extents, i, physical);
                }
                ExtentTree.Built built = ExtentTree.write(extents, allocator, out, seed, path);
                area = built.blockArea();
                flags = Inode.FLAG_EXTENTS | (dir.indexed() ? Inode.FLAG_INDEX : 0);
                size = (long) dir.blocks().size() * BS;
                blocks += dir.blocks().size() + built.treeBlocks();
            }
            case SYMLINK -> {
                typeBits = Inode.S_IFLNK;
                byte[] target = e.linkTarget().getBytes(StandardCharsets.UTF_8);
                size = target.length;
                if (target.length < FAST_SYMLINK_MAX) {
                    System.arraycopy(target, 0, area, 0, target.length);
                } else {
                    long physical = allocator.allocate(path);
                    byte[] block = Arrays.copyOf(target, BS);
                    out.writeRaw(physical, block, 0, BS);
                    ExtentTree.Built built = ExtentTree.write(List.of(new Extent(0, 1, physical)), allocator, out, seed,
                            path);
                    area = built.blockArea();
                    flags = Inode.FLAG_EXTENTS;
                    blocks += 1;
                }
            }
            case CHAR_DEVICE, BLOCK_DEVICE -> {
                typeBits = e.type() == EntryType.CHAR_DEVICE ? Inode.S_IFCHR : Inode.S_IFBLK;
                long major = e.devMajor() & 0xFFFFFFFFL;
                long minor = e.devMinor() & 0xFFFFFFFFL;
                if (major < 256 && minor < 256) {
                    LittleEndian.put32(area, 0, major << 8 | minor);
                } else {
                    LittleEndian.put32(area, 4, (minor & 0xff) | (major << 8) | ((minor & ~0xffL) << 12));
                }
            }
            case FIFO -> typeBits = Inode.S_IFIFO;
            default -> throw new IllegalStateException("unexpected node type " + e.type());
        }
        int links = node.isDirectory() && node.links > FsTree.LINK_MAX ? 1 : node.links;
        return new Inode(typeBits | e.mode(), e.uid(), e.gid(), size, links, blocks * (BS / 512), flags, area, fileAcl,
                e.mtime(), time, e.mtime(), time, xattrs.inodeArea());
    }

    /** Streams a file in, leaving all-zero blocks as holes; returns its extents. */
    private List<Extent> writeFileData(TreeEntry e) throws IOException {
        List<Extent> extents = new ArrayList<>();
        long remaining = e.size();
        if (remaining == 0) {
            return extents;
        }
        String path = e.path();
        if (remaining > MAX_FILE_SIZE) {
            throw new EngineException("file '" + path + "' is " + remaining + " bytes; ext4 with 4 KiB blocks holds files"
                    + " up to 16 TiB");
        }
        long logical = 0;
        try (InputStream in = content.open(e)) {
            while (remaining > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("ext4 image writing interrupted");
                }
                int n = (int) Math.min(buffer.length, remaining);
                int got = in.readNBytes(buffer, 0, n);
                if (got < n) {
                    throw new EngineException("content of '" + path + "' ended after " + (e.size() - remaining + got)
                            + " of " + e.size() + " bytes; the tree entry's size does not match its content");
                }
                int blocks = (n + BS - 1) / BS;
                Arrays.fill(buffer, n, blocks * BS, (byte) 0);
                int runStart = -1;
                long runPhysical = 0;
                for (int i = 0; i < blocks; i++) {
                    if (ImageWriter.isZero(buffer, i * BS)) {
                        if (runStart >= 0) {
                            out.writeRaw(runPhysical, buffer, runStart * BS, (i - runStart) * BS);
                            runStart = -1;
                        }
                        continue;
                    }
                    long physical = allocator.allocate(path);
                    if (runStart >= 0 && physical != runPhysical + (i - runStart)) {
                        out.writeRaw(runPhysical, buffer, runStart * BS, (i - runStart) * BS);
                        runStart = -1;
                    }
                    if (runStart < 0) {
                        runStart = i;
                        runPhysical = physical;
                    }
                    extend(extents, logical + i, physical);
                }
                if (runStart >= 0) {
                    out.writeRaw(runPhysical, buffer, runStart * BS, (blocks - runStart) * BS);
                }
                remaining -= n;
                logical += blocks;
            }
        }
        return extents;
    }

    private static void extend(List<Extent> extents, long logical, long physical) {
        if (!extents.isEmpty()) {
            Extent last = extents.get(extents.size() - 1);
            if (last.logical() + last.length() == logical && last.physical() + last.length() == physical
                    && last.length() < Extent.MAX_LENGTH) {
                extents.set(extents.size() - 1, new Extent(last.logical(), last.length() + 1, last.physical()));
                return;
            }
        }
        extents.add(new Extent(logical, 1, physical));
    }

}
