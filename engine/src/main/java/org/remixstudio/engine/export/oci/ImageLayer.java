package org.remixstudio.engine.export.oci;

/**
 * A written layer together with the history step that made it.
 *
 * @param blob      the layer file and its digests
 * @param createdBy what produced the layer, shown by {@code podman history}, e.g. {@code remix: base (bash, coreutils)}
 * @param comment   optional free text
 */
public record ImageLayer(LayerBlob blob, String createdBy, String comment) {

    public ImageLayer {
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }
}
