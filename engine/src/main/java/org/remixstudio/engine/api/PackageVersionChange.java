package org.remixstudio.engine.api;

/** A package a layer keeps but at another version (an upgrade or a downgrade). */
public record PackageVersionChange(String name, String architecture, String oldVersion, String newVersion) {

    @Override
    public String toString() {
        return name + " " + oldVersion + " -> " + newVersion;
    }
}
