package org.remixstudio.engine.export.oci;

import java.nio.file.Path;

/**
 * A written layer: the blob file, its digest and size as stored (compressed), and the digest of the
 * uncompressed tar, which the image config lists as the layer's {@code diff_id} (config.md).
 */
public record LayerBlob(Path file, Digest digest, long size, Digest diffId, String mediaType) {
}
