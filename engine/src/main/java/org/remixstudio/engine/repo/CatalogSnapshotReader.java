package org.remixstudio.engine.repo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * shared objects.
 */
public final class CatalogSnapshotReader {

    private static final MultiArch[] MULTI_ARCH = MultiArch.values();
    private static final Priority[] PRIORITY = Priority.values();
    private static final VersionOp[] OPS = VersionOp.values();

    private final byte[] buf;
    private int pos;

    public CatalogSnapshotReader(byte[] data) {
        this.buf = data;
    }

    /**
     * @throws SnapshotFormatException when the data is not an intact snapshot of this format
     */
    public List<BinaryPackage> read() {
        try {
            return readChecked();
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new SnapshotFormatException("damaged snapshot: " + e.getMessage());
        }
    }

    private List<BinaryPackage> readChecked() {
        if (buf.length < 16) {
            throw new SnapshotFormatException("too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(buf, 0, buf.length - 8);
        pos = buf.length - 8;
        if (readLong() != crc.getValue()) {
            throw new SnapshotFormatException("checksum mismatch");
        }
        pos = 0;
        if (readInt() != CatalogSnapshot.MAGIC || readInt() != CatalogSnapshot.FORMAT) {
            throw new SnapshotFormatException("not a snapshot of format " + CatalogSnapshot.FORMAT);
        }
        IndexOrigin origin = new IndexOrigin(inlineString(), inlineString(), inlineString(), inlineString(),
                inlineString());
        String[] strings = new String[varint()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = inlineString();
        }
        DebVersion[] versions = new DebVersion[varint()];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = new DebVersion(varint(), strings[varint()], strings[varint()]);
        }
        PackageRelation[] relations = new PackageRelation[varint()];
        for (int i = 0; i < relations.length; i++) {
            String name = strings[varint()];
            int arch = varint();
            int op = varint();
            int ver = varint();
            relations[i] = new PackageRelation(name, arch == 0 ? null : strings[arch - 1],
                    op == 0 ? null : OPS[op - 1], ver == 0 ? null : versions[ver - 1]);
        }
        RelationGroup[] groups = new RelationGroup[varint()];
        for (int i = 0; i < groups.length; i++) {
            PackageRelation[] alts = new PackageRelation[varint()];
            for (int k = 0; k < alts.length; k++) {
                alts[k] = relations[varint()];
            }
            groups[i] = new RelationGroup(List.of(alts));
        }
        List<RelationGroup>[] groupLists = groupLists(groups);
        List<PackageRelation>[] relationLists = relationLists(relations);
        int n = varint();
        List<BinaryPackage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = strings[varint()];
            DebVersion version = versions[varint()];
            String arch = strings[varint()];
            MultiArch multiArch = MULTI_ARCH[buf[pos++]];
            boolean essential = buf[pos++] != 0;
            Priority priority = PRIORITY[buf[pos++]];
            String section = strings[varint()];
            long installedSize = varlong();
            long size = varlong();
            String sha256 = strings[varint()];
            String filename = strings[varint()];
            String source = strings[varint()];
            DebVersion sourceVersion = versions[varint()];
            List<RelationGroup> depends = groupLists[varint()];
            List<RelationGroup> preDepends = groupLists[varint()];
            List<RelationGroup> recommends = groupLists[varint()];
            List<RelationGroup> suggests = groupLists[varint()];
            List<RelationGroup> conflicts = groupLists[varint()];
            List<RelationGroup> breaks = groupLists[varint()];
            List<RelationGroup> replaces = groupLists[varint()];
            List<PackageRelation> provides = relationLists[varint()];
            out.add(new BinaryPackage(name, version, arch, multiArch, essential, priority, section, installedSize,
                    size, sha256, filename, source, sourceVersion, depends, preDepends, recommends, suggests,
                    conflicts, breaks, replaces, provides,
                    strings[varint()], strings[varint()], strings[varint()], origin));
        }
        if (pos != buf.length - 8) {
            throw new SnapshotFormatException("trailing data");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<RelationGroup>[] groupLists(RelationGroup[] groups) {
        List<RelationGroup>[] lists = new List[varint()];
        for (int i = 0; i < lists.length; i++) {
            RelationGroup[] g = new RelationGroup[varint()];
            for (int k = 0; k < g.length; k++) {
                g[k] = groups[varint()];
            }
            lists[i] = List.of(g);
        }
        return lists;
    }

    @SuppressWarnings("unchecked")
    private List<PackageRelation>[] relationLists(PackageRelation[] relations) {
        List<PackageRelation>[] lists = new List[varint()];
        for (int i = 0; i < lists.length; i++) {
            PackageRelation[] r = new PackageRelation[varint()];
            for (int k = 0; k < r.length; k++) {
                r[k] = relations[varint()];
            }
            lists[i] = List.of(r);
        }
        return lists;
    }

    private String inlineString() {
        int len = varint();
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    private int varint() {
        long v = varlong();
        if (v > Integer.MAX_VALUE) {
            throw new SnapshotFormatException("index out of range");
        }
        return (int) v;
    }

    private long varlong() {
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

    private int readInt() {
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    private long readLong() {
        long hi = readInt() & 0xffffffffL;
        long lo = readInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** A snapshot that cannot be used; the caller re-parses the index instead. */
    public static final class SnapshotFormatException extends RuntimeException {
        public SnapshotFormatException(String message) {
            super(message);
        }
    }
}
