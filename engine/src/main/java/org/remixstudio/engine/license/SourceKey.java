package org.remixstudio.engine.license;

import org.remixstudio.engine.catalog.BinaryPackage;

/** A source package and version: the binaries built from it share one copyright file and one result. */
public record SourceKey(String source, String version) {

    public static SourceKey of(BinaryPackage pkg) {
        return new SourceKey(pkg.source(), pkg.sourceVersion().toString());
    }

    @Override
    public String toString() {
        return source + " " + version;
    }
}
