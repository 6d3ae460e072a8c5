package org.remixstudio.engine.build.layer;

import java.util.List;
import org.remixstudio.engine.export.oci.Digest;

/**
 * What applying one layer did.
 *
 * @param entries          tar entries read
 * @param whiteouts        explicit whiteouts applied (paths deleted or already absent)
 * @param opaqueWhiteouts  opaque whiteouts applied
 * @param specialFiles     device nodes and FIFOs created
 * @param unappliedXattrs  {@code path: attribute} for extended attributes that could not be set
 * @param diffId           SHA-256 of the uncompressed layer tar
 */
public record ApplyReport(long entries, long whiteouts, long opaqueWhiteouts, long specialFiles,
                          List<String> unappliedXattrs, Digest diffId) {

    public ApplyReport {
        unappliedXattrs = List.copyOf(unappliedXattrs);
    }
}
