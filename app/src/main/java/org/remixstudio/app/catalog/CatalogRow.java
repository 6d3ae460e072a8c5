package org.remixstudio.app.catalog;

/**
 * One row of the catalog list.
 *
 * @param installedSize KiB
 * @param size          bytes of the {@code .deb}
 * @param installed     whether the open remix installs it
 */
public record CatalogRow(String name, String version, String section, long installedSize, long size,
                         String description, boolean installed) {
}
