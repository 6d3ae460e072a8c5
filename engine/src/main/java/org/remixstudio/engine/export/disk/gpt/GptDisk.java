package org.remixstudio.engine.export.disk.gpt;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A GPT-partitioned disk of 512-byte sectors with the standard 128-entry partition array: where
 * the headers and arrays go (UEFI 2.10 §5.3.1) and the partitions in it.
 */
public record GptDisk(long sectorCount, UUID diskGuid, List<GptPartition> partitions) {

    public static final int SECTOR_SIZE = 512;
    public static final int ENTRY_COUNT = 128;
    public static final int ENTRY_SIZE = 128;
    /** Sectors taken by the partition entry array: 128 * 128 / 512. */
    public static final int ENTRY_ARRAY_SECTORS = ENTRY_COUNT * ENTRY_SIZE / SECTOR_SIZE;

    public GptDisk {
        Objects.requireNonNull(diskGuid, "diskGuid");
        partitions = List.copyOf(partitions);
        if (sectorCount < 2L * (2 + ENTRY_ARRAY_SECTORS)) {
            throw new IllegalArgumentException("a GPT disk needs at least " + 2 * (2 + ENTRY_ARRAY_SECTORS)
                    + " sectors, not " + sectorCount);
        }
        if (partitions.size() > ENTRY_COUNT) {
            throw new IllegalArgumentException("a GPT disk holds at most " + ENTRY_COUNT + " partitions");
        }
        long previousEnd = firstUsableLba(); // first free block
        for (GptPartition p : partitions) {
            if (p.firstLba() < previousEnd || p.lastLba() > lastUsableLbaOf(sectorCount)) {
                throw new IllegalArgumentException("GPT partition '" + p.name() + "' (" + p.firstLba() + ".."
                        + p.lastLba() + ") overlaps another partition or lies outside the usable blocks "
                        + firstUsableLba() + ".." + lastUsableLbaOf(sectorCount));
            }
            previousEnd = p.lastLba() + 1;
        }
    }

    public static long firstUsableLba() {
        return 2 + ENTRY_ARRAY_SECTORS;
    }

    public long lastUsableLba() {
        return lastUsableLbaOf(sectorCount);
    }

    private static long lastUsableLbaOf(long sectorCount) {
        return sectorCount - 2 - ENTRY_ARRAY_SECTORS;
    }

    public long lastLba() {
        return sectorCount - 1;
    }

    public long sizeInBytes() {
        return sectorCount * SECTOR_SIZE;
    }
}
