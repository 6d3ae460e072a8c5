package org.remixstudio.engine.export.disk.ext4;

import java.util.UUID;

/**
 * What a written filesystem looks like from outside.
 *
 * @param sizeBytes   bytes the filesystem occupies from its offset (block count times block size)
 * @param uuid        the volume UUID
 * @param blockSize   bytes per block
 * @param blockCount  blocks in the filesystem
 * @param freeBlocks  blocks not in use
 * @param inodeCount  inodes in the filesystem
 * @param freeInodes  inodes not in use
 */
public record Ext4Result(long sizeBytes, UUID uuid, int blockSize, long blockCount, long freeBlocks,
                         long inodeCount, long freeInodes) {
}
