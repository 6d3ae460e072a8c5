package org.remixstudio.engine.repo;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.RelationGroup;

/** Writes the {@link CatalogSnapshot} format for the packages of one index. Use one writer per snapshot. */
public final class CatalogSnapshotWriter {

    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<DebVersion, Integer> versions = new HashMap<>();
    private final Map<PackageRelation, Integer> relations = new HashMap<>();
    private final Map<RelationGroup, Integer> groups = new HashMap<>();
    private final Map<List<RelationGroup>, Integer> groupLists = new HashMap<>();
    private final Map<List<PackageRelation>, Integer> relationLists = new HashMap<>();
    private final Table stringTable = new Table();
    private final Table versionTable = new Table();
    private final Table relationTable = new Table();
    private final Table groupTable = new Table();
    private final Table groupListTable = new Table();
    private final Table relationListTable = new Table();
    /** Byte offset of each string in {@link #stringTable}, to split the table in two halves. */
    private int[] stringOffsets = new int[1024];

    /** Writes the snapshot; every package must have {@code origin} as its origin. */
    public void write(IndexOrigin origin, List<BinaryPackage> packages, OutputStream sink) throws IOException {
        Table body = new Table();
        int split = packages.size() / 2;
        int splitOffset = 0;
        for (int i = 0; i < packages.size(); i++) {
            BinaryPackage p = packages.get(i);
            if (!p.origin().equals(origin)) {
                throw new IllegalArgumentException("package " + p + " is not from " + origin);
            }
            if (i == split) {
                splitOffset = body.size();
            }
            writePackage(body, p);
        }
        CheckedOutputStream checked = new CheckedOutputStream(sink, new CRC32C());
        DataOutputStream out = new DataOutputStream(checked);
        out.writeInt(CatalogSnapshot.MAGIC);
        out.writeInt(CatalogSnapshot.FORMAT);
        Table head = new Table();
        for (String s : List.of(origin.baseUri(), origin.suite(), origin.codename(), origin.component(),
                origin.releaseSha256())) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head.varint(b.length);
            head.write(b, 0, b.length);
        }
        head.writeTo(out);
        int stringSplit = strings.size() / 2;
        writeSplit(out, strings.size(), stringSplit,
                stringSplit < strings.size() ? stringOffsets[stringSplit] : stringTable.size(), stringTable);
        writeCounted(out, versions.size(), versionTable);
        writeCounted(out, relations.size(), relationTable);
        writeCounted(out, groups.size(), groupTable);
        writeCounted(out, groupLists.size(), groupListTable);
        writeCounted(out, relationLists.size(), relationListTable);
        writeSplit(out, packages.size(), split, splitOffset, body);
        out.flush();
        new DataOutputStream(sink).writeLong(checked.getChecksum().getValue());
        sink.flush();
    }

    /** A section readable in two halves at once: count, index and byte offset of the second half, data. */
    private static void writeSplit(DataOutputStream out, int count, int split, int splitOffset, Table data)
            throws IOException {
        Table head = new Table();
        head.varint(count);
        head.varint(split);
        head.varint(splitOffset);
        head.writeTo(out);
        data.writeTo(out);
    }

    private static void writeCounted(DataOutputStream out, int count, Table table) throws IOException {
        Table head = new Table();
        head.varint(count);
        head.writeTo(out);
        table.writeTo(out);
    }

    private void writePackage(Table t, BinaryPackage p) {
        t.varint(string(p.name()));
        t.varint(version(p.version()));
        t.varint(string(p.architecture()));
        t.write(p.multiArch().ordinal());
        t.write((p.essential() ? 1 : 0) | (p.important() ? 2 : 0));
        t.write(p.priority().ordinal());
        t.varint(string(p.section()));
        t.varlong(p.installedSize());
        t.varlong(p.size());
        t.varint(string(p.sha256()));
        t.varint(string(p.filename()));
        t.varint(string(p.source()));
        t.varint(version(p.sourceVersion()));
        for (List<RelationGroup> field : List.of(p.depends(), p.preDepends(), p.recommends(), p.suggests(),
                p.conflicts(), p.breaks(), p.replaces(), p.enhances())) {
            t.varint(groupList(field));
        }
        t.varint(relationList(p.provides()));
        t.varint(string(p.shortDescription()));
        t.varint(string(p.longDescription()));
        t.varint(string(p.homepage()));
        t.varint(string(p.maintainer()));
    }

    private int string(String s) {
        Integer i = strings.get(s);
        if (i == null) {
            i = strings.size();
            strings.put(s, i);
            if (i == stringOffsets.length) {
                stringOffsets = Arrays.copyOf(stringOffsets, i * 2);
            }
            stringOffsets[i] = stringTable.size();
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            stringTable.varint(b.length);
            stringTable.write(b, 0, b.length);
        }
        return i;
    }

    private int version(DebVersion v) {
        Integer i = versions.get(v);
        if (i == null) {
            int up = string(v.upstream());
            int rev = string(v.revision());
            i = versions.size();
            versions.put(v, i);
            versionTable.varint(v.epoch());
            versionTable.varint(up);
            versionTable.varint(rev);
        }
        return i;
    }

    private int relation(PackageRelation r) {
        Integer i = relations.get(r);
        if (i == null) {
            int name = string(r.name());
            int arch = r.archQualifier() == null ? 0 : string(r.archQualifier()) + 1;
            int op = r.op() == null ? 0 : r.op().ordinal() + 1;
            int ver = r.version() == null ? 0 : version(r.version()) + 1;
            i = relations.size();
            relations.put(r, i);
            relationTable.varint(name);
            relationTable.varint(arch);
            relationTable.varint(op);
            relationTable.varint(ver);
        }
        return i;
    }

    private int group(RelationGroup g) {
        Integer i = groups.get(g);
        if (i == null) {
            int[] rels = new int[g.alternatives().size()];
            for (int k = 0; k < rels.length; k++) {
                rels[k] = relation(g.alternatives().get(k));
            }
            i = groups.size();
            groups.put(g, i);
            groupTable.varint(rels.length);
            for (int r : rels) {
                groupTable.varint(r);
            }
        }
        return i;
    }

    private int groupList(List<RelationGroup> list) {
        Integer i = groupLists.get(list);
        if (i == null) {
            int[] gs = new int[list.size()];
            for (int k = 0; k < gs.length; k++) {
                gs[k] = group(list.get(k));
            }
            i = groupLists.size();
            groupLists.put(list, i);
            groupListTable.varint(gs.length);
            for (int g : gs) {
                groupListTable.varint(g);
            }
        }
        return i;
    }

    private int relationList(List<PackageRelation> list) {
        Integer i = relationLists.get(list);
        if (i == null) {
            int[] rs = new int[list.size()];
            for (int k = 0; k < rs.length; k++) {
                rs[k] = relation(list.get(k));
            }
            i = relationLists.size();
            relationLists.put(list, i);
            relationListTable.varint(rs.length);
            for (int r : rs) {
                relationListTable.varint(r);
            }
        }
        return i;
    }

    /**
     * A growing byte buffer with LEB128 varints, kept in chunks (4 KiB doubling up to 1 MiB) rather than one array: a
     * contiguous buffer doubles by copying, which for a whole archive's string table (~20 MB) needs
     * the old and the new array at once on top of the parsed index, more than the studio's heap has.
     */
    private static final class Table {

        private static final int FIRST_CHUNK = 1 << 12;
        private static final int MAX_CHUNK = 1 << 20;

        private final List<byte[]> full = new ArrayList<>();
        private byte[] chunk = new byte[FIRST_CHUNK];
        private int pos;
        private int size;

        int size() {
            return size;
        }

        void write(int b) {
            if (pos == chunk.length) {
                next();
            }
            chunk[pos++] = (byte) b;
            size++;
        }

        void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (pos == chunk.length) {
                    next();
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(b, off, chunk, pos, n);
                pos += n;
                off += n;
                len -= n;
                size += n;
            }
        }

        private void next() {
            full.add(chunk);
            chunk = new byte[Math.min(MAX_CHUNK, chunk.length * 2)];
            pos = 0;
        }

        void writeTo(OutputStream out) throws IOException {
            for (byte[] c : full) {
                out.write(c);
            }
            out.write(chunk, 0, pos);
        }

        void varint(int v) {
            varlong(v & 0xffffffffL);
        }

        void varlong(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative size " + v);
            }
            while ((v & ~0x7FL) != 0) {
                write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            write((int) v);
        }
    }
}
