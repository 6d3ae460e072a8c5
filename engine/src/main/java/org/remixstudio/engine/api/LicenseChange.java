package org.remixstudio.engine.api;

import java.util.List;

/**
 * One license that enters or leaves an image with an edit.
 *
 * @param license  the SPDX id, as it stands in some package's main license expression; {@code NOASSERTION}
 *                 for packages whose license could not be found (category {@code unknown})
 * @param category the license's category ({@code permissive}, {@code strong-copyleft}, …, {@code unknown})
 * @param packages the packages that bring it (entering: of the image after the edit; leaving: before), by name
 */
public record LicenseChange(String license, String category, List<String> packages) {

    public LicenseChange {
        packages = List.copyOf(packages);
    }
}
