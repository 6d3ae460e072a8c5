package org.remixstudio.engine.export.oci;

import java.time.Instant;
import java.util.Objects;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * One entry to put into a layer: a tree entry plus, for regular files, where its bytes come from.
 * Whiteouts (OCI image spec v1.1, layer.md "Whiteouts") are ordinary empty files with a reserved
 * name, made by {@link #whiteout} and {@link #opaqueWhiteout}.
 */
public record LayerEntry(TreeEntry entry, ContentSource content) {

    /** Prefix that marks a path deleted from the layers below. */
    public static final String WHITEOUT_PREFIX = ".wh.";
    /** Name that hides every child of its directory from the layers below. */
    public static final String OPAQUE_WHITEOUT = ".wh..wh..opq";

    public LayerEntry {
        Objects.requireNonNull(entry, "entry");
        content = content == null ? ContentSource.empty() : content;
    }

    /** A non-file entry (directory, link, device, FIFO). */
    public static LayerEntry of(TreeEntry entry) {
        return new LayerEntry(entry, ContentSource.empty());
    }

    /** Deletes {@code path} (a file or a whole directory) from the layers below. */
    public static LayerEntry whiteout(String path, Instant mtime) {
        if (TreePaths.normalize(path).equals(TreePaths.ROOT)) {
            throw new IllegalArgumentException("the root cannot be whited out");
        }
        String marker = TreePaths.child(TreePaths.parent(path), WHITEOUT_PREFIX + TreePaths.name(path));
        return new LayerEntry(TreeEntry.file(marker, 0644, 0, mtime), ContentSource.empty());
    }

    /** Hides every child of directory {@code dir} in the layers below (the directory itself stays). */
    public static LayerEntry opaqueWhiteout(String dir, Instant mtime) {
        return new LayerEntry(TreeEntry.file(TreePaths.child(dir, OPAQUE_WHITEOUT), 0644, 0, mtime),
                ContentSource.empty());
    }

    /** Whether this entry is a whiteout marker (explicit or opaque). */
    public boolean isWhiteout() {
        return entry.type() == EntryType.FILE && TreePaths.name(entry.path()).startsWith(WHITEOUT_PREFIX);
    }
}
