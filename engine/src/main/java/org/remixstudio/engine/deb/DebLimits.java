package org.remixstudio.engine.deb;

/**
 * Bounds on what one package may unpack to, so that a tiny compressed member cannot expand into
 * gigabytes or millions of entries (a decompression bomb). The defaults leave room for the largest
 * real Debian packages (a few GiB, some 100,000 files).
 *
 * @param maxDataBytes    total bytes of regular-file content in {@code data.tar}
 * @param maxEntries      number of entries in {@code data.tar}
 * @param maxControlBytes decompressed size of {@code control.tar}, which is held in memory
 */
public record DebLimits(long maxDataBytes, long maxEntries, long maxControlBytes) {

    public DebLimits {
        if (maxDataBytes <= 0 || maxEntries <= 0 || maxControlBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static DebLimits defaults() {
        return new DebLimits(16L << 30, 1_000_000, 64L << 20);
    }

    public DebLimits withMaxDataBytes(long bytes) {
        return new DebLimits(bytes, maxEntries, maxControlBytes);
    }

    public DebLimits withMaxEntries(long entries) {
        return new DebLimits(maxDataBytes, entries, maxControlBytes);
    }
}
