package org.remixstudio.engine.api;

/**
 * One catalog row: what a search result or a list shows.
 *
 * @param installedSize KiB, as the index gives it
 * @param size          bytes of the {@code .deb}
 */
public record PackageSummary(
        String name,
        String version,
        String architecture,
        String section,
        long installedSize,
        long size,
        String shortDescription) {
}
