package org.remixstudio.engine.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of a layer's {@code add} list: a package name, optionally pinned to an exact version
 * ({@code nginx} or {@code nginx=1.22.1-9}, as apt-get takes them).
 *
 * @param version the exact Debian version asked for; empty means the candidate (highest) version
 */
public record PackageRef(String name, Optional<String> version) {

    public PackageRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    public static PackageRef of(String name) {
        return new PackageRef(name, Optional.empty());
    }

    public static PackageRef of(String name, String version) {
        return new PackageRef(name, Optional.of(version));
    }

    /** Parses {@code name} or {@code name=version} without checking either part. */
    public static PackageRef parse(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? of(text) : of(text.substring(0, eq), text.substring(eq + 1));
    }

    /** The spec form: {@code name} or {@code name=version}. */
    @Override
    public String toString() {
        return version.map(v -> name + "=" + v).orElse(name);
    }
}
