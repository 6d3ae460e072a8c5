package org.remixstudio.engine.api;

import java.util.List;

/**
 * Everything the index says about a package's candidate version, plus what depends on it.
 * Relationship fields are kept in their Debian spelling ({@code libc6 (>= 2.34), foo | bar}).
 *
 * @param installedSize        KiB
 * @param size                 bytes
 * @param reverseDependencies  names of packages whose Depends, Pre-Depends or Recommends name this
 *                             package or something it provides, sorted
 * @param otherVersions        every other version the sources offer, highest first
 */
public record PackageDetails(
        String name,
        String version,
        String architecture,
        String multiArch,
        boolean essential,
        String priority,
        String section,
        long installedSize,
        long size,
        String sha256,
        String filename,
        String source,
        String sourceVersion,
        String depends,
        String preDepends,
        String recommends,
        String suggests,
        String conflicts,
        String breaks,
        String replaces,
        String provides,
        String shortDescription,
        String longDescription,
        String homepage,
        String suite,
        String component,
        List<String> reverseDependencies,
        List<String> otherVersions) {
}
