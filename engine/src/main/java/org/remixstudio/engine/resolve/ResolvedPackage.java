package org.remixstudio.engine.resolve;

import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;

/** One package of a resolution: the exact catalog entry to install and why it is there. */
public record ResolvedPackage(BinaryPackage pkg, Reason reason) {

    public String name() {
        return pkg.name();
    }

    public DebVersion version() {
        return pkg.version();
    }

    @Override
    public String toString() {
        return pkg.name() + " " + pkg.version() + " (" + reason.describe() + ")";
    }
}
