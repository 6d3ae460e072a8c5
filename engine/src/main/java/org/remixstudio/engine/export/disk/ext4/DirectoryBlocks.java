package org.remixstudio.engine.export.disk.ext4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.remixstudio.engine.api.EngineException;

/**
 * Lays out a directory's blocks (Documentation/filesystems/ext4/directory.rst). A directory that
 * fits one block is linear ("Linear (Classic) Directories"); a larger one becomes a hash tree
 * ("Hash Tree Directories", {@code dir_index}): block 0 is the {@code dx_root}, the leaves hold the
 * names sorted by hash, and above 507 leaves a level of {@code dx_node} blocks sits between. Every
 * leaf ends with the 12-byte {@code ext4_dir_entry_tail} and every index block with a
 * {@code dx_tail}, each a crc32c seeded by the directory's inode ({@code metadata_csum}).
 */
final class DirectoryBlocks {

    private static final int BS = Geometry.BLOCK_SIZE;
    private static final int TAIL = 12;
    private static final int USABLE = BS - TAIL;
    private static final int ROOT_COUNT_OFFSET = 0x20;
    private static final int NODE_COUNT_OFFSET = 8;
    /** dx entries per block after the header and the 8-byte dx_tail. */
    static final int ROOT_LIMIT = (BS - ROOT_COUNT_OFFSET - 8) / 8;
    static final int NODE_LIMIT = (BS - NODE_COUNT_OFFSET - 8) / 8;
    private static final byte[] DOT = {'.'};
    private static final byte[] DOTDOT = {'.', '.'};

    /** The blocks in logical order, and whether block 0 is a hash-tree root. */
    record Built(List<byte[]> blocks, boolean indexed) {
    }

    private final ToLongFunction<byte[]> hash;
    private final int hashVersion;

    /**
     * @param hash        the filesystem's directory hash (algorithm and signedness, {@link DirHash#hash}):
     *                    major hash in the high 32 bits, minor in the low
     * @param hashVersion the base algorithm number recorded in each {@code dx_root}
     */
    DirectoryBlocks(ToLongFunction<byte[]> hash, int hashVersion) {
        this.hash = hash;
        this.hashVersion = hashVersion;
    }

    Built build(long self, long parent, List<DirEntry> entries, int minBlocks, int inodeSeed, String path) {
        List<DirEntry> all = new ArrayList<>(entries.size() + 2);
        all.add(new DirEntry(DOT, self, DirEntry.TYPE_DIR));
        all.add(new DirEntry(DOTDOT, parent, DirEntry.TYPE_DIR));
        all.addAll(entries);
        List<byte[]> linear = pack(all, inodeSeed);
        if (linear.size() == 1) {
            while (linear.size() < minBlocks) {
                linear.add(leaf(List.of(), inodeSeed));
            }
            return new Built(linear, false);
        }
        return new Built(hashed(self, parent, entries, inodeSeed, path), true);
    }

    /** Packs entries into leaf blocks in order, each as full as it goes. */
    private static List<byte[]> pack(List<DirEntry> entries, int inodeSeed) {
        List<byte[]> blocks = new ArrayList<>();
        List<DirEntry> current = new ArrayList<>();
        int used = 0;
        for (DirEntry e : entries) {
            if (used + e.recordLength() > USABLE) {
                blocks.add(leaf(current, inodeSeed));
                current = new ArrayList<>();
                used = 0;
            }
            current.add(e);
            used += e.recordLength();
        }
        blocks.add(leaf(current, inodeSeed));
        return blocks;
    }

    /** One leaf block; the last entry's record stretches to the tail, an empty leaf is one unused record. */
    private static byte[] leaf(List<DirEntry> entries, int inodeSeed) {
        byte[] b = new byte[BS];
        int pos = 0;
        for (int i = 0; i < entries.size(); i++) {
            DirEntry e = entries.get(i);
            int rec = i == entries.size() - 1 ? USABLE - pos : e.recordLength();
            putEntry(b, pos, e, rec);
            pos += rec;
        }
        if (entries.isEmpty()) {
            LittleEndian.put16(b, 4, USABLE);
        }
        LittleEndian.put16(b, USABLE + 4, TAIL);
        b[USABLE + 7] = (byte) 0xDE;
        LittleEndian.put32(b, USABLE + 8, Crc32c.update(inodeSeed, b, 0, USABLE));
        return b;
    }

    private static void putEntry(byte[] b, int pos, DirEntry e, int rec) {
        LittleEndian.put32(b, pos, e.inode());
        LittleEndian.put16(b, pos + 4, rec);
        b[pos + 6] = (byte) e.name().length;
        b[pos + 7] = (byte) e.fileType();
        System.arraycopy(e.name(), 0, b, pos + 8, e.name().length);
    }

    private record Hashed(DirEntry entry, long hash) {
    }

    private List<byte[]> hashed(long self, long parent, List<DirEntry> entries, int inodeSeed, String path) {
        List<Hashed> sorted = new ArrayList<>(entries.size());
        for (DirEntry e : entries) {
            sorted.add(new Hashed(e, hash.applyAsLong(e.name())));
        }
        sorted.sort(Comparator.<Hashed>comparingLong(h -> h.hash() ^ Long.MIN_VALUE)
                .thenComparing((a, b) -> Arrays.compareUnsigned(a.entry().name(), b.entry().name())));
        List<byte[]> leaves = new ArrayList<>();
        List<Long> leafHashes = new ArrayList<>();
        List<DirEntry> current = new ArrayList<>();
        int used = 0;
        long previousMajor = -1;
        for (Hashed h : sorted) {
            long major = h.hash() >>> 32;
            int rec = h.entry().recordLength();
            if (current.isEmpty() || used + rec > USABLE) {
                if (!current.isEmpty()) {
                    leaves.add(leaf(current, inodeSeed));
                    current = new ArrayList<>();
                    used = 0;
                }
                // A leaf that starts inside a run of equal hashes is marked by the low bit ("collision").
                leafHashes.add(major | (major == previousMajor ? 1 : 0));
            }
            current.add(h.entry());
            used += rec;
            previousMajor = major;
        }
        if (!current.isEmpty()) {
            leaves.add(leaf(current, inodeSeed));
        }
        int leafCount = leaves.size();
        List<byte[]> blocks = new ArrayList<>(leafCount + 2);
        blocks.add(null);
        blocks.addAll(leaves);
        byte[] root = new byte[BS];
        putEntry(root, 0, new DirEntry(DOT, self, DirEntry.TYPE_DIR), 12);
        putEntry(root, 12, new DirEntry(DOTDOT, parent, DirEntry.TYPE_DIR), BS - 12);
        root[0x18 + 4] = (byte) hashVersion;
        root[0x18 + 5] = 8;
        if (leafCount <= ROOT_LIMIT) {
            List<long[]> refs = new ArrayList<>();
            for (int i = 0; i < leafCount; i++) {
                refs.add(new long[] {leafHashes.get(i), 1 + i});
            }
            fillIndex(root, ROOT_COUNT_OFFSET, ROOT_LIMIT, refs, inodeSeed);
        } else {
            int nodes = (leafCount + NODE_LIMIT - 1) / NODE_LIMIT;
            if (nodes > ROOT_LIMIT) {
                throw new EngineException("directory '" + path + "' has too many entries for a two-level ext4 hash tree ("
                        + entries.size() + "); split it into subdirectories");
            }
            root[0x18 + 6] = 1;
            List<long[]> rootRefs = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                int first = n * NODE_LIMIT;
                int count = Math.min(NODE_LIMIT, leafCount - first);
                byte[] node = new byte[BS];
                LittleEndian.put16(node, 4, BS);
                List<long[]> refs = new ArrayList<>();
                for (int i = first; i < first + count; i++) {
                    refs.add(new long[] {leafHashes.get(i), 1 + i});
                }
                fillIndex(node, NODE_COUNT_OFFSET, NODE_LIMIT, refs, inodeSeed);
                long logical = blocks.size();
                blocks.add(node);
                rootRefs.add(new long[] {leafHashes.get(first), logical});
            }
            fillIndex(root, ROOT_COUNT_OFFSET, ROOT_LIMIT, rootRefs, inodeSeed);
        }
        blocks.set(0, root);
        return blocks;
    }

    /** dx entries {hash, logical block}; the first one's hash slot holds limit and count instead. */
    private static void fillIndex(byte[] b, int countOffset, int limit, List<long[]> refs, int inodeSeed) {
        LittleEndian.put16(b, countOffset, limit);
        LittleEndian.put16(b, countOffset + 2, refs.size());
        LittleEndian.put32(b, countOffset + 4, refs.get(0)[1]);
        for (int i = 1; i < refs.size(); i++) {
            LittleEndian.put32(b, countOffset + i * 8, refs.get(i)[0]);
            LittleEndian.put32(b, countOffset + i * 8 + 4, refs.get(i)[1]);
        }
        int tail = countOffset + limit * 8;
        int crc = Crc32c.update(inodeSeed, b, 0, countOffset + refs.size() * 8);
        crc = Crc32c.update(crc, new byte[8], 0, 8);
        LittleEndian.put32(b, tail + 4, crc);
    }

}
