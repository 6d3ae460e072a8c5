package org.remixstudio.engine.export.disk.ext4;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything about a filesystem that is not the tree itself. The UUID and hash seed are inputs (the
 * caller derives them from the spec) and every time the filesystem records besides file mtimes is
 * {@code timestamp}, so the same tree and options always give a bit-identical image.
 *
 * @param size           exact size, or content plus free space
 * @param uuid           volume UUID (also seeds every metadata checksum)
 * @param hashSeed       seed of the directory-index hash; must not be the nil UUID
 * @param label          volume label, at most 16 bytes of UTF-8, {@code ""} for none
 * @param timestamp      creation, check and write time of the filesystem, and ctime/crtime of every inode
 * @param bytesPerInode  one inode per this many bytes of filesystem (mke2fs's {@code inode_ratio})
 * @param journalBlocks  journal size in 4 KiB blocks, 0 for mke2fs's default for the filesystem size
 * @param reservedPercent share of blocks reserved for root, as mke2fs {@code -m}
 */
public record Ext4Options(Ext4Size size, UUID uuid, UUID hashSeed, String label, Instant timestamp,
                          int bytesPerInode, int journalBlocks, int reservedPercent) {

    /** mke2fs's default {@code inode_ratio} for ext4 on Debian ({@code /etc/mke2fs.conf}). */
    public static final int DEFAULT_BYTES_PER_INODE = 16384;
    /** mke2fs's default reserved-blocks percentage. */
    public static final int DEFAULT_RESERVED_PERCENT = 5;

    public Ext4Options {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(hashSeed, "hashSeed");
        Objects.requireNonNull(timestamp, "timestamp");
        label = label == null ? "" : label;
        if (label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 16) {
            throw new IllegalArgumentException("ext4 volume label '" + label + "' is longer than 16 bytes");
        }
        if (hashSeed.getMostSignificantBits() == 0 && hashSeed.getLeastSignificantBits() == 0) {
            throw new IllegalArgumentException("ext4 directory hash seed must not be the nil UUID");
        }
        if (bytesPerInode < 1024 || bytesPerInode > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("bytes per inode must be between 1024 and 64 MiB, not " + bytesPerInode);
        }
        if (journalBlocks != 0 && (journalBlocks < 1024 || journalBlocks > 10_240_000)) {
            throw new IllegalArgumentException("journal size must be 0 (default) or 1024..10240000 blocks, not "
                    + journalBlocks);
        }
        if (reservedPercent < 0 || reservedPercent > 50) {
            throw new IllegalArgumentException("reserved percentage must be 0..50, not " + reservedPercent);
        }
    }

    /** mke2fs's defaults for everything but the identity and the time. */
    public static Ext4Options defaults(Ext4Size size, UUID uuid, UUID hashSeed, Instant timestamp) {
        return new Ext4Options(size, uuid, hashSeed, "", timestamp, DEFAULT_BYTES_PER_INODE, 0,
                DEFAULT_RESERVED_PERCENT);
    }

    public Ext4Options withSize(Ext4Size newSize) {
        return new Ext4Options(newSize, uuid, hashSeed, label, timestamp, bytesPerInode, journalBlocks, reservedPercent);
    }

    public Ext4Options withLabel(String newLabel) {
        return new Ext4Options(size, uuid, hashSeed, newLabel, timestamp, bytesPerInode, journalBlocks, reservedPercent);
    }

    public Ext4Options withJournalBlocks(int blocks) {
        return new Ext4Options(size, uuid, hashSeed, label, timestamp, bytesPerInode, blocks, reservedPercent);
    }

    public Ext4Options withBytesPerInode(int ratio) {
        return new Ext4Options(size, uuid, hashSeed, label, timestamp, ratio, journalBlocks, reservedPercent);
    }

    public Ext4Options withReservedPercent(int percent) {
        return new Ext4Options(size, uuid, hashSeed, label, timestamp, bytesPerInode, journalBlocks, percent);
    }
}
