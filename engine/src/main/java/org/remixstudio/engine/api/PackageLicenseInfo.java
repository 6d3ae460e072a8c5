package org.remixstudio.engine.api;

import java.util.List;

/**
 * The licenses of one package of an image.
 *
 * @param name          binary package name
 * @param version       its version
 * @param architecture  its architecture
 * @param layer         the layer that brought it in ({@code base} for the base variant)
 * @param source        its source package
 * @param sourceVersion the source version, whose copyright file was read
 * @param spdx          the SPDX expression of the main ({@code Files: *}) license, {@code NOASSERTION} when unknown
 * @param category      {@code public-domain}, {@code permissive}, {@code weak-copyleft}, {@code strong-copyleft},
 *                      {@code network-copyleft}, {@code non-free} or {@code unknown}
 * @param howFound      {@code declared} (machine-readable copyright file), {@code detected} (from free-form text)
 *                      or {@code unknown}
 * @param licenses      every license id the copyright file mentions
 * @param reason        why the license is unknown, or a note on how it was chosen; may be empty
 * @param nonFree       whether the archive files the package under non-free or non-free-firmware
 */
public record PackageLicenseInfo(String name, String version, String architecture, String layer, String source,
                                 String sourceVersion, String spdx, String category, String howFound,
                                 List<String> licenses, String reason, boolean nonFree) {

    public PackageLicenseInfo {
        licenses = List.copyOf(licenses);
    }
}
