package org.remixstudio.engine.api;

import java.util.List;

/**
 * The package set a request resolves to, sorted by name, with notes such as packages that a removal
 * took away with it.
 *
 * @param installedSize sum of Installed-Size, KiB
 * @param downloadSize  sum of .deb sizes, bytes
 */
public record Resolution(List<ResolvedPackageInfo> packages, List<String> notes, long installedSize,
                         long downloadSize) {

    public Resolution {
        packages = List.copyOf(packages);
        notes = List.copyOf(notes);
    }
}
