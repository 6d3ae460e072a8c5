package org.remixstudio.engine.repo;

import org.remixstudio.engine.catalog.IndexOrigin;

/**
 * The compact binary form of one parsed {@code Packages} index, so a warm start reads a few MB of
 * tables instead of parsing 50 MB of deb822 text. Written by {@link CatalogSnapshotWriter}, read by
 * {@link CatalogSnapshotReader}. Layout (all counts and indexes are unsigned LEB128 varints):
 * <pre>
 *   int magic "RXSN", int format
 *   origin: baseUri suite codename component releaseSha256   (length-prefixed UTF-8)
 *   strings:   n, split, splitOffset, n × (len, UTF-8 bytes)   every string, stored once
 *   versions:  n × (epoch, upstream#, revision#)      distinct DebVersions
 *   relations: n × (name#, arch#+1, op+1, version#+1) distinct PackageRelations (0 = none)
 *   groups:    n × (k, k × relation#)                 distinct RelationGroups
 *   groupLists:    n × (k, k × group#)                distinct relationship fields (Depends, ...)
 *   relationLists: n × (k, k × relation#)             distinct Provides fields
 *   packages:  n, split, splitOffset, n × (the BinaryPackage fields as table references)
 *   long CRC32C of everything before it
 * </pre>
 * {@code split} and {@code splitOffset} give the index and byte offset of the second half of a section,
 * so the reader can decode both halves at once. Repeated values are stored once and shared again when read, which also keeps the heap small. A
 * snapshot is named by {@link #key} — the format version, the verified index hash and the origin —
 * so a changed index or a new format never reads an old snapshot.
 */
public final class CatalogSnapshot {

    static final int MAGIC = 0x5258534E;
    /** Bump when the layout or {@code BinaryPackage} changes. */
    static final int FORMAT = 6;

    private CatalogSnapshot() {
    }

    /** The cache key of the snapshot of an index with this (compressed file's) hash and origin. */
    public static String key(String indexSha256, IndexOrigin origin) {
        return Hashing.sha256Hex(String.join("\n", "format " + FORMAT, indexSha256, origin.baseUri(),
                origin.suite(), origin.codename(), origin.component(), origin.releaseSha256()));
    }
}
