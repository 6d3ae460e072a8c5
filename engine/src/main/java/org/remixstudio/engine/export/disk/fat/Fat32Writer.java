package org.remixstudio.engine.export.disk.fat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.remixstudio.engine.export.disk.ImageSink;
import org.remixstudio.engine.export.disk.ZeroBlocks;

/**
 * Writes a FAT32 volume (fatgen103): the boot sector with its BPB (§3.1-3.3), the FSInfo sector
 * (§5), their backups in sectors 6 and 7, two identical FATs (§4) and the data area with
 * directories (§6, long names §7) and file contents, each file and directory in one contiguous run
 * of clusters. The root directory starts at cluster 2 and carries the volume label entry.
 *
 * <p>The volume is written through an {@link ImageSink} whose area is expected to read as zeros (a
 * new sparse image): blocks that are all zeros are never written.
 */
public final class Fat32Writer {

    /**
     * What identifies a volume: its label (up to 11 characters of a short name, upper case), its
     * serial number, the one timestamp every entry gets, and the sectors before the volume on the
     * disk (the partition's first block, stored as BPB_HiddSec).
     */
    public record Options(String label, int volumeId, Instant timestamp, long hiddenSectors) {

        public Options {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(timestamp, "timestamp");
            if (label.length() > 11 || !label.equals(label.toUpperCase(java.util.Locale.ROOT))
                    || !label.chars().allMatch(c -> c == ' ' || (c > 0x20 && c < 0x7f && "\"*+,./:;<=>?[\\]|".indexOf(c) < 0))) {
                throw new IllegalArgumentException("FAT volume label '" + label
                        + "' must be at most 11 upper-case ASCII letters, digits or short-name symbols");
            }
        }
    }

    static final int BOOT_SECTOR = 0;
    static final int FSINFO_SECTOR = 1;
    static final int BACKUP_BOOT_SECTOR = 6;
    static final int END_OF_CHAIN = 0x0FFFFFFF;
    static final int MEDIA = 0xF8;
    private static final int MAX_DIRECTORY_ENTRIES = 65_536;
    private static final int IO_BLOCK = 64 * 1024;

    /** Where a node's clusters are. */
    private record Run(long first, long count) {
    }

    /** A directory's entries before clusters are known: one per child, with its short name. */
    private record Slot(FatTree.Node node, byte[] shortName, boolean longName) {
    }

    /** Writes {@code tree} as a volume of {@code sizeBytes} bytes at offset 0 of {@code sink}. */
    public FatGeometry write(FatTree tree, long sizeBytes, Options options, ImageSink sink) throws IOException {
        FatGeometry g = FatGeometry.forSize(sizeBytes);
        FatTimestamp time = FatTimestamp.of(options.timestamp());
        boolean hasLabel = !options.label().isBlank();

        Map<FatTree.Node, List<Slot>> slots = new IdentityHashMap<>();
        planDirectories(tree.root(), slots);
        Map<FatTree.Node, Run> runs = new IdentityHashMap<>();
        long[] next = {2};
        allocate(tree.root(), directoryBytes(tree.root(), slots, hasLabel), g, runs, next);
        allocateChildren(tree.root(), slots, g, runs, next);
        long used = next[0] - 2;
        if (used > g.clusterCount()) {
            throw new IllegalArgumentException("the files for the FAT volume need " + used + " clusters of "
                    + g.clusterSize() + " bytes, but a " + sizeBytes + "-byte volume has " + g.clusterCount()
                    + "; make the EFI System Partition larger");
        }

        ByteBuffer boot = bootSector(g, options);
        ByteBuffer info = fsInfo(g.clusterCount() - used, next[0]);
        sink.write(BOOT_SECTOR, boot.duplicate());
        sink.write(FSINFO_SECTOR * FatGeometry.SECTOR_SIZE, info.duplicate());
        sink.write(BACKUP_BOOT_SECTOR * FatGeometry.SECTOR_SIZE, boot.duplicate());
        sink.write((BACKUP_BOOT_SECTOR + 1) * FatGeometry.SECTOR_SIZE, info.duplicate());

        byte[] fat = fat(g, runs.values());
        for (int copy = 0; copy < FatGeometry.FAT_COUNT; copy++) {
            writeSparse(sink, g.fatOffset(copy), fat, fat.length);
        }
        writeDirectories(tree.root(), null, slots, runs, g, time, options, sink);
        writeFiles(tree.root(), runs, g, sink);
        return g;
    }

    private static void planDirectories(FatTree.Node dir, Map<FatTree.Node, List<Slot>> slots) {
        Set<String> taken = new HashSet<>();
        taken.add(".          ");
        taken.add("..         ");
        List<Slot> list = new ArrayList<>();
        for (FatTree.Node child : dir.children()) {
            byte[] shortName = ShortNames.generate(child.name, taken);
            list.add(new Slot(child, shortName, !ShortNames.isPlainShortName(child.name)));
        }
        slots.put(dir, list);
        for (FatTree.Node child : dir.children()) {
            if (child.directory) {
                planDirectories(child, slots);
            }
        }
    }

    private static long directoryBytes(FatTree.Node dir, Map<FatTree.Node, List<Slot>> slots, boolean rootLabel) {
        boolean root = dir.path.equals("/");
        long count = root ? (rootLabel ? 1 : 0) : 2;
        for (Slot s : slots.get(dir)) {
            count += 1 + (s.longName() ? DirectoryEncoder.longEntryCount(s.node().name) : 0);
        }
        if (count > MAX_DIRECTORY_ENTRIES) {
            throw new IllegalArgumentException("directory '" + dir.path + "' needs " + count
                    + " entries; a FAT directory holds at most " + MAX_DIRECTORY_ENTRIES);
        }
        return count * DirectoryEncoder.ENTRY_SIZE;
    }

    private static void allocate(FatTree.Node node, long bytes, FatGeometry g, Map<FatTree.Node, Run> runs, long[] next) {
        long clusters = (bytes + g.clusterSize() - 1) / g.clusterSize();
        if (node.directory) {
            clusters = Math.max(1, clusters); // even an empty directory has a cluster
        }
        runs.put(node, new Run(clusters == 0 ? 0 : next[0], clusters));
        next[0] += clusters;
    }

    private static void allocateChildren(FatTree.Node dir, Map<FatTree.Node, List<Slot>> slots, FatGeometry g,
            Map<FatTree.Node, Run> runs, long[] next) {
        for (FatTree.Node child : dir.children()) {
            allocate(child, child.directory ? directoryBytes(child, slots, false) : child.size, g, runs, next);
        }
        for (FatTree.Node child : dir.children()) {
            if (child.directory) {
                allocateChildren(child, slots, g, runs, next);
            }
        }
    }

    /** The boot sector and BPB (fatgen103 §3.1 and §3.3, FAT32 layout). */
    static ByteBuffer bootSector(FatGeometry g, Options options) {
        ByteBuffer b = ByteBuffer.allocate(FatGeometry.SECTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0xEB, 0x58, (byte) 0x90}); // BS_jmpBoot past the BPB
        b.put("MSWIN4.1".getBytes(StandardCharsets.US_ASCII)); // BS_OEMName, the value fatgen103 recommends
        b.putShort((short) FatGeometry.SECTOR_SIZE);
        b.put((byte) g.sectorsPerCluster());
        b.putShort((short) g.reservedSectors());
        b.put((byte) FatGeometry.FAT_COUNT);
        b.putShort((short) 0); // BPB_RootEntCnt: 0 on FAT32
        b.putShort((short) 0); // BPB_TotSec16: 0, the count is in BPB_TotSec32
        b.put((byte) MEDIA);
        b.putShort((short) 0); // BPB_FATSz16: 0 on FAT32
        b.putShort((short) 63); // BPB_SecPerTrk, conventional geometry
        b.putShort((short) 255); // BPB_NumHeads
        b.putInt((int) options.hiddenSectors());
        b.putInt((int) g.totalSectors());
        b.putInt((int) g.fatSectors()); // BPB_FATSz32
        b.putShort((short) 0); // BPB_ExtFlags: FATs mirrored
        b.putShort((short) 0); // BPB_FSVer 0.0
        b.putInt(2); // BPB_RootClus
        b.putShort((short) FSINFO_SECTOR);
        b.putShort((short) BACKUP_BOOT_SECTOR);
        b.put(new byte[12]); // BPB_Reserved
        b.put((byte) 0x80); // BS_DrvNum: hard disk
        b.put((byte) 0); // BS_Reserved1
        b.put((byte) 0x29); // BS_BootSig: the next three fields are present
        b.putInt(options.volumeId());
        String label = options.label().isBlank() ? "NO NAME" : options.label();
        b.put(String.format("%-11s", label).getBytes(StandardCharsets.US_ASCII));
        b.put("FAT32   ".getBytes(StandardCharsets.US_ASCII));
        b.put(510, (byte) 0x55).put(511, (byte) 0xAA);
        return b.position(0);
    }

    /** The FSInfo sector (fatgen103 §5) with the free cluster count and the next free cluster. */
    static ByteBuffer fsInfo(long freeClusters, long nextFree) {
        ByteBuffer b = ByteBuffer.allocate(FatGeometry.SECTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x41615252); // FSI_LeadSig
        b.putInt(484, 0x61417272); // FSI_StrucSig
        b.putInt(488, (int) freeClusters); // FSI_Free_Count
        b.putInt(492, (int) nextFree); // FSI_Nxt_Free
        b.putInt(508, 0xAA550000); // FSI_TrailSig
        return b;
    }

    /** The FAT (fatgen103 §4): media entry, clean-shutdown entry, then one chain per run. */
    private static byte[] fat(FatGeometry g, Iterable<Run> runs) {
        ByteBuffer b = ByteBuffer.allocate((int) (g.fatSectors() * FatGeometry.SECTOR_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x0FFFFF00 | MEDIA);
        b.putInt(4, END_OF_CHAIN); // clean-shutdown and no-error bits set
        for (Run r : runs) {
            for (long c = r.first(); c < r.first() + r.count(); c++) {
                b.putInt((int) (c * 4), c == r.first() + r.count() - 1 ? END_OF_CHAIN : (int) (c + 1));
            }
        }
        return b.array();
    }

    private static void writeDirectories(FatTree.Node dir, FatTree.Node parent, Map<FatTree.Node, List<Slot>> slots,
            Map<FatTree.Node, Run> runs, FatGeometry g, FatTimestamp time, Options options, ImageSink sink)
            throws IOException {
        ZeroBlocks.checkCancelled();
        Run run = runs.get(dir);
        boolean root = parent == null;
        boolean label = root && !options.label().isBlank();
        DirectoryEncoder e = new DirectoryEncoder(
                (int) (run.count() * g.clusterSize() / DirectoryEncoder.ENTRY_SIZE), time);
        if (label) {
            e.shortEntry(String.format("%-11s", options.label()).getBytes(StandardCharsets.US_ASCII),
                    DirectoryEncoder.ATTR_VOLUME_ID, 0, 0);
        }
        if (!root) {
            e.shortEntry(DirectoryEncoder.dotName(1), DirectoryEncoder.ATTR_DIRECTORY, run.first(), 0);
            // ".." of a directory in the root points at cluster 0, whatever the root's cluster (§6.1)
            e.shortEntry(DirectoryEncoder.dotName(2), DirectoryEncoder.ATTR_DIRECTORY,
                    parent.path.equals("/") ? 0 : runs.get(parent).first(), 0);
        }
        for (Slot s : slots.get(dir)) {
            if (s.longName()) {
                e.longEntries(s.node().name, s.shortName());
            }
            Run r = runs.get(s.node());
            e.shortEntry(s.shortName(), s.node().directory ? DirectoryEncoder.ATTR_DIRECTORY : DirectoryEncoder.ATTR_ARCHIVE,
                    r.first(), s.node().directory ? 0 : s.node().size);
        }
        byte[] bytes = e.bytes();
        writeSparse(sink, g.clusterOffset(run.first()), bytes, bytes.length);
        for (FatTree.Node child : dir.children()) {
            if (child.directory) {
                writeDirectories(child, dir, slots, runs, g, time, options, sink);
            }
        }
    }

    private static void writeFiles(FatTree.Node dir, Map<FatTree.Node, Run> runs, FatGeometry g, ImageSink sink)
            throws IOException {
        byte[] buffer = new byte[1024 * 1024];
        for (FatTree.Node child : dir.children()) {
            if (child.directory) {
                writeFiles(child, runs, g, sink);
            } else if (child.size > 0) {
                writeFile(child, g.clusterOffset(runs.get(child).first()), buffer, sink);
            }
        }
    }

    private static void writeFile(FatTree.Node file, long offset, byte[] buffer, ImageSink sink) throws IOException {
        long done = 0;
        try (InputStream in = file.content.open()) {
            while (true) {
                ZeroBlocks.checkCancelled();
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n == 0) {
                    break;
                }
                if (done + n > file.size) {
                    throw new IOException("the content of '" + file.path + "' is longer than the " + file.size
                            + " bytes it was added with");
                }
                writeSparse(sink, offset + done, buffer, n);
                done += n;
            }
        }
        if (done != file.size) {
            throw new IOException("the content of '" + file.path + "' has " + done + " bytes, not the " + file.size
                    + " it was added with");
        }
    }

    /** Writes {@code bytes[0, length)} at {@code offset}, skipping 64 KiB blocks that are all zeros. */
    private static void writeSparse(ImageSink sink, long offset, byte[] bytes, int length) throws IOException {
        for (int pos = 0; pos < length; pos += IO_BLOCK) {
            int n = Math.min(IO_BLOCK, length - pos);
            if (!ZeroBlocks.isZero(bytes, pos, n)) {
                sink.write(offset + pos, ByteBuffer.wrap(bytes, pos, n));
            }
        }
    }
}
