package org.remixstudio.engine.repo;

/**
 * What {@link Fetcher#fetchTo} wrote: its size and SHA-256, computed while the bytes streamed past.
 *
 * @param size   bytes written
 * @param sha256 lower-case hex SHA-256 of the bytes
 */
public record Download(long size, String sha256) {
}
