package org.remixstudio.engine.inspect;

/**
 * A package dpkg lists as present in {@code var/lib/dpkg/status}.
 *
 * @param name         package name
 * @param version      installed version
 * @param architecture e.g. {@code amd64}, {@code all}
 */
public record DpkgPackage(String name, String version, String architecture) {

    /** {@code name:arch}, how dpkg tells apart the architectures of a multi-arch package. */
    public String key() {
        return name + ":" + architecture;
    }
}
