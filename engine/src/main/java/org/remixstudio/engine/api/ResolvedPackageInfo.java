package org.remixstudio.engine.api;

/**
 * One package of a resolution and why it is there.
 *
 * @param installedSize KiB
 * @param size          bytes of the {@code .deb}
 * @param reason        e.g. {@code requested}, {@code base (minbase)},
 *                      {@code dependency of init-system-helpers via Depends: usrmerge | usr-is-merged}
 */
public record ResolvedPackageInfo(String name, String version, String architecture, long installedSize, long size,
                                  String reason) {
}
