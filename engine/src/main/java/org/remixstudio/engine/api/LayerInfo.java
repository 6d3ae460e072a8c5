package org.remixstudio.engine.api;

import java.util.List;

/**
 * One layer of an image, as {@link ImageInspector} reads it.
 *
 * @param index             1-based, bottom layer first
 * @param digest            digest of the blob as stored, recomputed
 * @param diffId            digest of the uncompressed tar, recomputed
 * @param mediaType         from the manifest; {@code ""} in a docker-archive
 * @param compressedSize    bytes as stored
 * @param uncompressedSize  bytes of the tar
 * @param createdBy         the history line, e.g. {@code remix: layer web (nginx)}
 * @param comment           the history comment
 * @param entries           entries in the layer's tar, whiteouts included
 * @param whiteouts         paths the layer deletes from the layers below
 * @param opaqueDirectories directories whose contents from the layers below the layer hides
 * @param packagesAdded     Debian packages installed after this layer and not before
 * @param packagesRemoved   Debian packages installed before this layer and not after
 * @param packagesChanged   Debian packages whose version this layer changes
 */
public record LayerInfo(int index, String digest, String diffId, String mediaType, long compressedSize,
                        long uncompressedSize, String createdBy, String comment, long entries, List<String> whiteouts,
                        List<String> opaqueDirectories, List<InstalledPackageInfo> packagesAdded,
                        List<InstalledPackageInfo> packagesRemoved, List<PackageVersionChange> packagesChanged) {

    public LayerInfo {
        whiteouts = List.copyOf(whiteouts);
        opaqueDirectories = List.copyOf(opaqueDirectories);
        packagesAdded = List.copyOf(packagesAdded);
        packagesRemoved = List.copyOf(packagesRemoved);
        packagesChanged = List.copyOf(packagesChanged);
    }
}
