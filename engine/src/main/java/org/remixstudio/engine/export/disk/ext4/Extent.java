package org.remixstudio.engine.export.disk.ext4;

/**
 * A run of a file's blocks: {@code length} logical blocks from {@code logical} stored at {@code physical}
 * (Documentation/filesystems/ext4/dynamic.rst "Extent Tree", {@code struct ext4_extent}).
 */
record Extent(long logical, int length, long physical) {

    /** Longest initialized extent ({@code EXT_INIT_MAX_LEN}). */
    static final int MAX_LENGTH = 32768;
}
