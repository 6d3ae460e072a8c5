package org.remixstudio.engine.spec;

import java.util.Comparator;
import java.util.Objects;

/**
 * One package a layer installs, pinned to the exact {@code .deb} the archive served.
 *
 * @param version      the Debian version, as the {@code Packages} index gives it
 * @param architecture e.g. {@code amd64} or {@code all}
 * @param sha256       SHA-256 of the {@code .deb}, lower-case hex
 */
public record LockedPackage(String name, String version, String architecture, String sha256) {

    /** The order packages are kept and written in: by name, then architecture. */
    static final Comparator<LockedPackage> ORDER =
            Comparator.comparing(LockedPackage::name).thenComparing(LockedPackage::architecture);

    public LockedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@code name:architecture}, unique within a layer. */
    public String key() {
        return name + ":" + architecture;
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + architecture + ")";
    }
}
