package org.remixstudio.engine.build.layer;

import java.nio.file.Path;
import java.time.Instant;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.LayerBlob;

/**
 * A layer found in (or just put into) the {@link LayerCache}.
 *
 * @param key           its cache key
 * @param parentKey     the cache key of the layer below, {@code null} for a base layer
 * @param parentChainId ChainID of the layers below, {@code null} for a base layer
 * @param chainId       ChainID including this layer, the parent ChainID of the next layer's key
 * @param blob          the compressed layer file inside the cache, with digest, size and diff_id
 * @param createdBy     the history line of the layer
 * @param comment       the history comment, may be empty
 * @param manifestFile  the stored {@link TreeManifest} of the tree after this layer
 * @param stored        when it was stored
 */
public record CachedLayer(LayerKey key, LayerKey parentKey, Digest parentChainId, Digest chainId, LayerBlob blob,
                          String createdBy, String comment, Path manifestFile, Instant stored) {

    /** Reads the manifest of the tree after this layer. */
    public TreeManifest manifest() {
        return TreeManifest.read(manifestFile);
    }

    /** The layer as the image writer takes it. */
    public ImageLayer toImageLayer() {
        return new ImageLayer(blob, createdBy, comment);
    }
}
