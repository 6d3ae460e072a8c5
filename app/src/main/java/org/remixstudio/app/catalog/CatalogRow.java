package org.remixstudio.app.catalog;

import org.remixstudio.engine.api.PackageLicenseInfo;

/**
 * One row of the catalog list.
 *
 * @param installedSize KiB
 * @param size          bytes of the {@code .deb}
 * @param installed     whether the open remix installs it
 * @param license       its license as the engine knows it, or {@code null} while not known (the badge shows "…")
 */
public record CatalogRow(String name, String version, String section, long installedSize, long size,
                         String description, boolean installed, PackageLicenseInfo license) {
}
