package org.remixstudio.engine.export.disk.fat;

/**
 * The layout of a FAT32 volume of 512-byte sectors: reserved sectors, the two FATs, the cluster
 * size and the number of clusters (fatgen103 §3.5 "FAT Type Determination" and §3.6 "FAT Volume
 * Initialization").
 *
 * <p>Cluster size: the largest that keeps the volume FAT32, which the spec defines by its cluster
 * count alone (at least 65,525 clusters); below 8 GiB at most 4 KiB, above it the spec's own table
 * (8 KiB to 16 GiB, 16 KiB to 32 GiB, 32 KiB beyond). So a 260 MiB ESP gets 4 KiB clusters
 * (66,4xx clusters, as Windows formats it), a 100 MiB ESP 1 KiB clusters, and the smallest FAT32
 * volume is about 33 MiB with 512-byte clusters. The reserved area is at least 32 sectors and grows
 * until the data area starts on a cluster boundary, so 4 KiB clusters are 4 KiB-aligned in the
 * partition.
 */
public record FatGeometry(long totalSectors, int sectorsPerCluster, int reservedSectors, long fatSectors,
        long clusterCount) {

    public static final int SECTOR_SIZE = 512;
    public static final int FAT_COUNT = 2;
    /** Fewer clusters than this make a volume FAT16 by definition (fatgen103 §3.5). */
    public static final long MIN_CLUSTERS = 65_525;
    /** FAT32 cluster numbers are 28 bits; 0x0FFFFFF7 marks bad clusters. */
    public static final long MAX_CLUSTERS = 0x0FFFFFF5L;
    private static final int MIN_RESERVED = 32;

    /** The geometry for a volume of {@code sizeBytes}. */
    public static FatGeometry forSize(long sizeBytes) {
        if (sizeBytes % SECTOR_SIZE != 0) {
            throw new IllegalArgumentException("FAT32 volume size must be a multiple of 512 bytes, not " + sizeBytes);
        }
        long sectors = sizeBytes / SECTOR_SIZE;
        if (sectors > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("FAT32 volume of " + sizeBytes + " bytes is larger than 2 TiB");
        }
        for (int spc = maxSectorsPerCluster(sectors); spc >= 1; spc /= 2) {
            FatGeometry g = layout(sectors, spc);
            if (g.clusterCount() >= MIN_CLUSTERS && g.clusterCount() <= MAX_CLUSTERS) {
                return g;
            }
        }
        throw new IllegalArgumentException("a FAT32 volume needs at least " + MIN_CLUSTERS
                + " clusters, which takes about 33 MiB with 512-byte clusters; " + sizeBytes
                + " bytes is too small: make the EFI System Partition larger");
    }

    private static int maxSectorsPerCluster(long sectors) {
        long bytes = sectors * SECTOR_SIZE;
        long gib = 1024L * 1024 * 1024;
        if (bytes <= 8 * gib) {
            return 8;
        } else if (bytes <= 16 * gib) {
            return 16;
        } else if (bytes <= 32 * gib) {
            return 32;
        }
        return 64;
    }

    /** Finds the smallest FAT that holds every cluster of what is left once it is placed. */
    static FatGeometry layout(long sectors, int spc) {
        long fat = fatSectorsFor((sectors - MIN_RESERVED) / spc);
        FatGeometry best = at(sectors, spc, fat);
        for (int i = 0; i < 16; i++) {
            long needed = fatSectorsFor(best.clusterCount());
            if (needed == best.fatSectors()) {
                break;
            }
            FatGeometry candidate = at(sectors, spc, needed);
            if (fatSectorsFor(candidate.clusterCount()) > candidate.fatSectors()) {
                break; // shrinking the FAT frees clusters it could then not hold: keep the larger FAT
            }
            best = candidate;
        }
        return best;
    }

    private static FatGeometry at(long sectors, int spc, long fatSectors) {
        long reserved = MIN_RESERVED;
        long misalignment = (reserved + FAT_COUNT * fatSectors) % spc;
        if (misalignment != 0) {
            reserved += spc - misalignment;
        }
        long clusters = Math.max(0, (sectors - reserved - FAT_COUNT * fatSectors) / spc);
        return new FatGeometry(sectors, spc, (int) reserved, fatSectors, clusters);
    }

    /** FAT sectors for {@code clusters} data clusters plus the two reserved entries, 4 bytes each. */
    private static long fatSectorsFor(long clusters) {
        return ((clusters + 2) * 4 + SECTOR_SIZE - 1) / SECTOR_SIZE;
    }

    public int clusterSize() {
        return sectorsPerCluster * SECTOR_SIZE;
    }

    /** Byte offset of the first FAT in the volume. */
    public long fatOffset(int copy) {
        return ((long) reservedSectors + copy * fatSectors) * SECTOR_SIZE;
    }

    /** Byte offset of the data area (cluster 2) in the volume. */
    public long dataOffset() {
        return ((long) reservedSectors + FAT_COUNT * fatSectors) * SECTOR_SIZE;
    }

    /** Byte offset of cluster {@code cluster} (2 is the first) in the volume. */
    public long clusterOffset(long cluster) {
        return dataOffset() + (cluster - 2) * clusterSize();
    }
}
