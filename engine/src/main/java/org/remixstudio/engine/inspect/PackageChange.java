package org.remixstudio.engine.inspect;

/**
 * A package present before and after a layer with another version after it.
 *
 * @param name         package name
 * @param architecture its architecture
 * @param oldVersion   version below the layer
 * @param newVersion   version the layer brings
 */
public record PackageChange(String name, String architecture, String oldVersion, String newVersion) {
}
