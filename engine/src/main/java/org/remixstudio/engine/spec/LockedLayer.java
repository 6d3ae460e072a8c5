package org.remixstudio.engine.spec;

import java.util.List;
import java.util.Objects;

/**
 * What one layer resolved to: the packages it installs on top of the layers before it, sorted by
 * name and architecture so equal sets are equal records and write identically. The base variant's
 * packages are recorded as a layer named {@value #BASE}.
 */
public record LockedLayer(String name, List<LockedPackage> packages) {

    /** The name of the base variant's entry; spec layers may not use it. */
    public static final String BASE = "base";

    public LockedLayer {
        Objects.requireNonNull(name, "name");
        packages = packages.stream().sorted(LockedPackage.ORDER).toList();
    }
}
