package org.remixstudio.engine.export.disk.ext4;

/**
 * The per-filesystem checksum seeds of {@code metadata_csum} (Documentation/filesystems/ext4/
 * overview.rst "Checksums", and the per-structure sections it links): the filesystem seed is
 * crc32c(~0, UUID); an inode's seed is the filesystem seed chained over its number and generation,
 * and it seeds the checksums of everything the inode owns (extent blocks, directory blocks).
 */
final class Checksums {

    private final int fsSeed;

    Checksums(byte[] uuid) {
        this.fsSeed = Crc32c.update(~0, uuid);
    }

    int fsSeed() {
        return fsSeed;
    }

    int inodeSeed(long inode, long generation) {
        return Crc32c.updateLe32(Crc32c.updateLe32(fsSeed, inode), generation);
    }
}
