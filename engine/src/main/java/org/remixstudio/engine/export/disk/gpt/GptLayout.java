package org.remixstudio.engine.export.disk.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.remixstudio.engine.export.disk.SeededIds;

/**
 * Plans a GPT disk: partitions in the order added, each starting on a 1 MiB boundary (as parted,
 * sgdisk and systemd-repart align them, which suits 4 KiB-sector and SSD storage), sizes rounded up
 * to whole MiB; the last partition may take the rest of the disk. The disk GUID and every
 * partition GUID come from the seed and the partition's key, so the same input gives the same disk.
 */
public final class GptLayout {

    public static final long ALIGNMENT_BYTES = 1024 * 1024;
    private static final long ALIGNMENT_SECTORS = ALIGNMENT_BYTES / GptDisk.SECTOR_SIZE;

    private record Request(String key, UUID type, String name, long sizeBytes) {
    }

    private final long diskBytes;
    private final SeededIds ids;
    private final List<Request> requests = new ArrayList<>();

    public GptLayout(long diskBytes, SeededIds ids) {
        if (diskBytes <= 0 || diskBytes % GptDisk.SECTOR_SIZE != 0) {
            throw new IllegalArgumentException("disk size must be a positive multiple of 512 bytes, not " + diskBytes);
        }
        this.diskBytes = diskBytes;
        this.ids = ids;
    }

    /** Adds a partition of at least {@code sizeBytes} (rounded up to whole MiB). */
    public GptLayout add(String key, UUID type, String name, long sizeBytes) {
        requireNoRest(name);
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("partition '" + name + "' needs a positive size, not " + sizeBytes);
        }
        requests.add(new Request(key, type, name, sizeBytes));
        return this;
    }

    /** Adds the last partition, which takes all space left after the others. */
    public GptLayout addRemaining(String key, UUID type, String name) {
        requireNoRest(name);
        requests.add(new Request(key, type, name, -1));
        return this;
    }

    private void requireNoRest(String name) {
        if (requests.stream().anyMatch(r -> r.sizeBytes() < 0)) {
            throw new IllegalArgumentException("partition '" + name + "' comes after the one that takes the rest of"
                    + " the disk; add the rest-of-disk partition last");
        }
    }

    public GptDisk build() {
        long sectors = diskBytes / GptDisk.SECTOR_SIZE;
        long lastUsable = sectors - 2 - GptDisk.ENTRY_ARRAY_SECTORS;
        long fixed = 0;
        for (Request r : requests) {
            if (r.sizeBytes() > 0) {
                fixed += roundUpToAlignment(ceilSectors(r.sizeBytes()));
            }
        }
        boolean hasRest = requests.stream().anyMatch(r -> r.sizeBytes() < 0);
        long needed = ALIGNMENT_SECTORS + fixed + (hasRest ? ALIGNMENT_SECTORS : 0) + GptDisk.ENTRY_ARRAY_SECTORS + 1;
        if (needed > sectors) {
            throw new IllegalArgumentException("a disk of " + diskBytes + " bytes is too small for its partitions: "
                    + "they need " + needed * GptDisk.SECTOR_SIZE + " bytes; choose a larger disk size");
        }
        List<GptPartition> partitions = new ArrayList<>();
        long next = ALIGNMENT_SECTORS;
        for (Request r : requests) {
            long first = next;
            long last;
            if (r.sizeBytes() < 0) {
                last = lastUsable;
            } else {
                last = first + roundUpToAlignment(ceilSectors(r.sizeBytes())) - 1;
            }
            partitions.add(new GptPartition(r.type(), ids.uuid("gpt-partition:" + r.key()), r.name(), first, last, 0));
            next = roundUpToAlignment(last + 1);
        }
        return new GptDisk(sectors, ids.uuid("gpt-disk"), partitions);
    }

    private static long ceilSectors(long bytes) {
        return (bytes + GptDisk.SECTOR_SIZE - 1) / GptDisk.SECTOR_SIZE;
    }

    private static long roundUpToAlignment(long sectorsCount) {
        return (sectorsCount + ALIGNMENT_SECTORS - 1) / ALIGNMENT_SECTORS * ALIGNMENT_SECTORS;
    }
}
