package org.remixstudio.engine.api;

/**
 * One package a layer installs, and why.
 *
 * @param layer         the layer that installs it
 * @param installedSize KiB ({@code Installed-Size})
 * @param size          bytes of the {@code .deb}
 * @param requested     named in the layer's {@code add} list (or any lower layer's); false for the
 *                      base variant's packages and for dependencies
 * @param reason        e.g. {@code requested}, {@code base (minbase)},
 *                      {@code dependency of nginx via Depends: libssl3}
 */
public record PlannedPackage(String name, String version, String architecture, String source, String sourceVersion,
                             String layer, long installedSize, long size, boolean requested, String reason) {
}
