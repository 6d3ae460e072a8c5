package org.remixstudio.engine.export.disk.gpt;

import java.util.Objects;
import java.util.UUID;

/**
 * One GPT partition entry (UEFI 2.10 §5.3.3, Table 5.7): type, unique GUID, first and last
 * (inclusive) logical block, attribute bits and a name of at most 36 UTF-16 code units.
 */
public record GptPartition(UUID type, UUID guid, String name, long firstLba, long lastLba, long attributes) {

    /** Attribute bit 0: the platform needs the partition to function (UEFI 2.10 Table 5.9). */
    public static final long REQUIRED_PARTITION = 1L;

    public GptPartition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(name, "name");
        if (name.length() > 36) {
            throw new IllegalArgumentException("GPT partition name '" + name + "' is longer than 36 characters");
        }
        if (firstLba < 0 || lastLba < firstLba) {
            throw new IllegalArgumentException("GPT partition '" + name + "' has an empty or negative block range "
                    + firstLba + ".." + lastLba);
        }
    }

    public long sizeInSectors() {
        return lastLba - firstLba + 1;
    }

    /** Byte offset of the partition in the disk. */
    public long offset() {
        return firstLba * GptDisk.SECTOR_SIZE;
    }

    /** Size of the partition in bytes. */
    public long size() {
        return sizeInSectors() * GptDisk.SECTOR_SIZE;
    }
}
