package org.remixstudio.engine.inspect;

import java.util.List;

/**
 * One layer of an inspected image.
 *
 * @param index             1-based position, bottom first
 * @param digest            digest of the blob as stored
 * @param diffId            digest of the uncompressed tar as computed while reading it
 * @param mediaType         the manifest's media type for it ({@code ""} in a docker-archive)
 * @param compressedSize    bytes as stored
 * @param uncompressedSize  bytes of the tar
 * @param createdBy         {@code created_by} of the matching history entry
 * @param comment           {@code comment} of the matching history entry
 * @param entries           tar entries, whiteouts included
 * @param whiteouts         paths deleted from the layers below ({@code .wh.NAME}), as paths
 * @param opaqueDirectories directories whose lower contents are hidden ({@code .wh..wh..opq})
 * @param added             packages present in {@code var/lib/dpkg/status} after the layer, not before
 * @param removed           packages present before the layer, not after
 * @param changed           packages present on both sides in another version
 */
public record InspectedLayer(int index, String digest, String diffId, String mediaType, long compressedSize,
                             long uncompressedSize, String createdBy, String comment, long entries,
                             List<String> whiteouts, List<String> opaqueDirectories, List<DpkgPackage> added,
                             List<DpkgPackage> removed, List<PackageChange> changed) {

    public InspectedLayer {
        whiteouts = List.copyOf(whiteouts);
        opaqueDirectories = List.copyOf(opaqueDirectories);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }
}
