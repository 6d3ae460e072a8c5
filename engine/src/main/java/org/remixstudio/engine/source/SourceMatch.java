package org.remixstudio.engine.source;

import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.SourcePackage;

/**
 * One installed binary package and the source it was built from, or {@code null} when no loaded
 * {@code Sources} index has that source name and version.
 */
public record SourceMatch(BinaryPackage binary, SourcePackage source) {

    public boolean found() {
        return source != null;
    }

    /** {@code binary VERSION [ARCH] from source NAME VERSION}, as named in messages. */
    public String describe() {
        return binary.name() + " " + binary.version() + " [" + binary.architecture() + "] from source "
                + binary.source() + " " + binary.sourceVersion();
    }
}
