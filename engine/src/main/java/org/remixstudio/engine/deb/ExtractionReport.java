package org.remixstudio.engine.deb;

import java.util.List;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * What {@link TreeExtractor} wrote, and what it deliberately did not: device nodes and FIFOs are
 * recorded, not created (Java cannot call {@code mknod(2)}; a later build step writes them straight
 * into the image layer from this manifest), and extended attributes outside the {@code user.}
 * namespace are listed because Java can only set {@code user.*} attributes.
 *
 * @param files           regular files written
 * @param directories     directories created or updated
 * @param symlinks        symbolic links created
 * @param hardlinks       hard links created
 * @param bytes           content bytes written
 * @param specialFiles    device nodes and FIFOs left for a later step, in archive order
 * @param unappliedXattrs {@code path: attribute} for every extended attribute not set on disk
 */
public record ExtractionReport(long files, long directories, long symlinks, long hardlinks, long bytes,
                               List<TreeEntry> specialFiles, List<String> unappliedXattrs) {

    public ExtractionReport {
        specialFiles = List.copyOf(specialFiles);
        unappliedXattrs = List.copyOf(unappliedXattrs);
    }
}
