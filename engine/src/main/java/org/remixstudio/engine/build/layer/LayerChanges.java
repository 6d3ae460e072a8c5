package org.remixstudio.engine.build.layer;

import java.util.List;
import org.remixstudio.engine.export.oci.LayerEntry;

/**
 * The difference between two trees as a layer: the entries to write with
 * {@link org.remixstudio.engine.export.oci.LayerTarWriter}, and what they mean.
 *
 * @param entries  every entry of the layer (files with their content source, whiteouts, parent directories)
 * @param added    paths that did not exist before
 * @param modified paths whose content or metadata changed (type changes included)
 * @param deleted  paths removed, each written as a whiteout ({@code .wh.NAME}); a removed directory's
 *                 contents are not listed separately
 * @param opaque   directories that were replaced as a whole, written with an opaque whiteout
 *                 ({@code .wh..wh..opq}) instead of one whiteout per old child
 */
public record LayerChanges(List<LayerEntry> entries, List<String> added, List<String> modified, List<String> deleted,
                           List<String> opaque) {

    public LayerChanges {
        entries = List.copyOf(entries);
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        deleted = List.copyOf(deleted);
        opaque = List.copyOf(opaque);
    }

    /** Whether the two trees were equal (the layer would hold nothing). */
    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && deleted.isEmpty() && opaque.isEmpty();
    }
}
