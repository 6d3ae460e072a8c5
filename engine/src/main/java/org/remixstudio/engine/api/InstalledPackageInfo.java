package org.remixstudio.engine.api;

/** A package as dpkg lists it in an image: name, version, architecture. */
public record InstalledPackageInfo(String name, String version, String architecture) {

    @Override
    public String toString() {
        return name + " " + version + (architecture.isEmpty() ? "" : " (" + architecture + ")");
    }
}
