package org.remixstudio.engine.repo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.CRC32C;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.catalog.RelationGroup;
import org.remixstudio.engine.catalog.VersionOp;

/**
 * Reads the {@link CatalogSnapshot} format from a byte array (one {@code readAllBytes} of the file,
 * then plain array indexing: much faster than a stream of small reads). Shared table entries become
 * shared objects. The string table and the packages of a large snapshot are each decoded in two
 * halves at once, on the calling thread and one helper thread, since a warm start is mostly this.
 */
public final class CatalogSnapshotReader {

    /** Below this many entries a second thread costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 8192;

    private static final MultiArch[] MULTI_ARCH = MultiArch.values();
    private static final Priority[] PRIORITY = Priority.values();
    private static final VersionOp[] OPS = VersionOp.values();

    private final byte[] buf;

    public CatalogSnapshotReader(byte[] data) {
        this.buf = data;
    }

    /**
     * @throws SnapshotFormatException when the data is not an intact snapshot of this format
     */
    public List<BinaryPackage> read() {
        try {
            return readChecked();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new SnapshotFormatException("damaged snapshot: " + e);
        }
    }

    private List<BinaryPackage> readChecked() {
        if (buf.length < 16) {
            throw new SnapshotFormatException("too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(buf, 0, buf.length - 8);
        Cursor c = new Cursor(buf, buf.length - 8);
        if (c.readLong() != crc.getValue()) {
            throw new SnapshotFormatException("checksum mismatch");
        }
        c.pos = 0;
        if (c.readInt() != CatalogSnapshot.MAGIC || c.readInt() != CatalogSnapshot.FORMAT) {
            throw new SnapshotFormatException("not a snapshot of format " + CatalogSnapshot.FORMAT);
        }
        IndexOrigin origin = new IndexOrigin(c.string(), c.string(), c.string(), c.string(), c.string());
        String[] strings = new String[c.varint()];
        c.pos = inHalves(c, strings.length, (cursor, from, to) -> {
            for (int i = from; i < to; i++) {
                strings[i] = cursor.string();
            }
        });
        // Each entry is decoded by a method of its own: the JIT compiles a method after a few hundred
        // calls, while a loop body inside this single long call would run interpreted for tens of
        // thousands of rounds first (most of these tables have ~100,000 entries).
        DebVersion[] versions = new DebVersion[c.varint()];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = readVersion(c, strings);
        }
        PackageRelation[] relations = new PackageRelation[c.varint()];
        for (int i = 0; i < relations.length; i++) {
            relations[i] = readRelation(c, strings, versions);
        }
        RelationGroup[] groups = new RelationGroup[c.varint()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new RelationGroup(List.of(readRefs(c, relations, new PackageRelation[c.varint()])));
        }
        @SuppressWarnings("unchecked")
        List<RelationGroup>[] groupLists = new List[c.varint()];
        for (int i = 0; i < groupLists.length; i++) {
            groupLists[i] = List.of(readRefs(c, groups, new RelationGroup[c.varint()]));
        }
        @SuppressWarnings("unchecked")
        List<PackageRelation>[] relationLists = new List[c.varint()];
        for (int i = 0; i < relationLists.length; i++) {
            relationLists[i] = List.of(readRefs(c, relations, new PackageRelation[c.varint()]));
        }
        BinaryPackage[] packages = new BinaryPackage[c.varint()];
        c.pos = inHalves(c, packages.length, (cursor, from, to) -> {
            for (int i = from; i < to; i++) {
                packages[i] = readPackage(cursor, origin, strings, versions, groupLists, relationLists);
            }
        });
        if (c.pos != buf.length - 8) {
            throw new SnapshotFormatException("trailing data");
        }
        return List.of(packages);
    }

    private static DebVersion readVersion(Cursor c, String[] strings) {
        return new DebVersion(c.varint(), strings[c.varint()], strings[c.varint()]);
    }

    private static PackageRelation readRelation(Cursor c, String[] strings, DebVersion[] versions) {
        String name = strings[c.varint()];
        int arch = c.varint();
        int op = c.varint();
        int ver = c.varint();
        return new PackageRelation(name, arch == 0 ? null : strings[arch - 1],
                op == 0 ? null : OPS[op - 1], ver == 0 ? null : versions[ver - 1]);
    }

    /** Fills {@code into} with table entries named by the next varints. */
    private static <T> T[] readRefs(Cursor c, T[] table, T[] into) {
        for (int k = 0; k < into.length; k++) {
            into[k] = table[c.varint()];
        }
        return into;
    }

    private static BinaryPackage readPackage(Cursor c, IndexOrigin origin, String[] strings, DebVersion[] versions,
                                             List<RelationGroup>[] groupLists, List<PackageRelation>[] relationLists) {
        String name = strings[c.varint()];
        DebVersion version = versions[c.varint()];
        String arch = strings[c.varint()];
        MultiArch multiArch = MULTI_ARCH[c.buf[c.pos++]];
        int flags = c.buf[c.pos++];
        boolean essential = (flags & 1) != 0;
        boolean important = (flags & 2) != 0;
        Priority priority = PRIORITY[c.buf[c.pos++]];
        String section = strings[c.varint()];
        long installedSize = c.varlong();
        long size = c.varlong();
        String sha256 = strings[c.varint()];
        String filename = strings[c.varint()];
        String source = strings[c.varint()];
        DebVersion sourceVersion = versions[c.varint()];
        List<RelationGroup> depends = groupLists[c.varint()];
        List<RelationGroup> preDepends = groupLists[c.varint()];
        List<RelationGroup> recommends = groupLists[c.varint()];
        List<RelationGroup> suggests = groupLists[c.varint()];
        List<RelationGroup> conflicts = groupLists[c.varint()];
        List<RelationGroup> breaks = groupLists[c.varint()];
        List<RelationGroup> replaces = groupLists[c.varint()];
        List<RelationGroup> enhances = groupLists[c.varint()];
        List<PackageRelation> provides = relationLists[c.varint()];
        return new BinaryPackage(name, version, arch, multiArch, essential, important, priority, section, installedSize,
                size, sha256, filename, source, sourceVersion, depends, preDepends, recommends, suggests,
                conflicts, breaks, replaces, enhances, provides, strings[c.varint()], strings[c.varint()], strings[c.varint()],
                origin, strings[c.varint()]);
    }

    /** Decodes entries {@code [from, to)} starting at the cursor's position. */
    private interface Range {
        void decode(Cursor cursor, int from, int to);
    }

    /**
     * Decodes a split section ({@code split} index and byte offset follow the count the caller read):
     * the second half on a helper thread while this thread does the first.
     *
     * @return the position after the section
     */
    private int inHalves(Cursor c, int count, Range range) {
        int split = c.varint();
        int splitOffset = c.varint();
        if (split > count) {
            throw new SnapshotFormatException("bad section split");
        }
        Cursor second = new Cursor(buf, c.pos + splitOffset);
        if (count < PARALLEL_THRESHOLD) {
            range.decode(c, 0, split);
            checkMeet(c, second);
            range.decode(second, split, count);
            return second.pos;
        }
        RuntimeException[] failure = new RuntimeException[1];
        Thread helper = new Thread(() -> {
            try {
                range.decode(second, split, count);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "snapshot-reader");
        helper.setDaemon(true);
        helper.start();
        range.decode(c, 0, split);
        try {
            helper.join();
        } catch (InterruptedException e) {
            helper.interrupt();
            Thread.currentThread().interrupt();
            throw new CancellationException("reading a catalog snapshot was cancelled");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        checkMeet(c, second);
        return second.pos;
    }

    private static void checkMeet(Cursor first, Cursor second) {
        if (first.pos != second.start) {
            throw new SnapshotFormatException("section halves do not meet");
        }
    }

    /** A read position in the snapshot bytes; one per thread. */
    private static final class Cursor {
        final byte[] buf;
        final int start;
        int pos;

        Cursor(byte[] buf, int pos) {
            this.buf = buf;
            this.start = pos;
            this.pos = pos;
        }

        String string() {
            int len = varint();
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        int varint() {
            long v = varlong();
            if (v > Integer.MAX_VALUE) {
                throw new SnapshotFormatException("index out of range");
            }
            return (int) v;
        }

        long varlong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
                if (shift > 63) {
                    throw new SnapshotFormatException("varint too long");
                }
            }
        }

        int readInt() {
            int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        long readLong() {
            long hi = readInt() & 0xffffffffL;
            long lo = readInt() & 0xffffffffL;
            return (hi << 32) | lo;
        }
    }

    /** A snapshot that cannot be used; the caller re-parses the index instead. */
    public static final class SnapshotFormatException extends RuntimeException {
        public SnapshotFormatException(String message) {
            super(message);
        }
    }
}
