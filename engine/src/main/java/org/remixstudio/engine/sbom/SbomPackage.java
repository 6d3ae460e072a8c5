package org.remixstudio.engine.sbom;

import java.util.List;
import java.util.Objects;

/**
 * One Debian binary package of an image, with what both SBOM formats say about it.
 *
 * @param name             the binary package name
 * @param version          its full Debian version, epoch included
 * @param architecture     its Debian architecture ({@code amd64}, {@code all}, …)
 * @param source           the source package it was built from
 * @param sourceVersion    the source package's version
 * @param sha256           SHA-256 of the {@code .deb}, as the signed {@code Packages} index gives it
 * @param supplier         the {@code Maintainer} field, empty when unknown
 * @param downloadLocation the URL of the {@code .deb}, empty when unknown
 * @param homepage         the {@code Homepage} field, empty when absent
 * @param summary          the first line of the description
 * @param license          declared and concluded license
 * @param purl             the package URL ({@link PackageUrl})
 * @param dependsOn        {@link #key() keys} of the packages of the same image its {@code Pre-Depends}
 *                         and {@code Depends} resolved to, sorted
 */
public record SbomPackage(String name, String version, String architecture, String source, String sourceVersion,
                          String sha256, String supplier, String downloadLocation, String homepage, String summary,
                          SbomLicense license, String purl, List<String> dependsOn) {

    public SbomPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        source = Objects.requireNonNullElse(source, name);
        sourceVersion = Objects.requireNonNullElse(sourceVersion, version);
        sha256 = Objects.requireNonNullElse(sha256, "");
        supplier = Objects.requireNonNullElse(supplier, "");
        downloadLocation = Objects.requireNonNullElse(downloadLocation, "");
        homepage = Objects.requireNonNullElse(homepage, "");
        summary = Objects.requireNonNullElse(summary, "");
        license = Objects.requireNonNullElse(license, SbomLicense.unknown());
        dependsOn = List.copyOf(dependsOn);
    }

    /** {@code name:architecture}: unique within an image, since dpkg installs one version of each. */
    public String key() {
        return key(name, architecture);
    }

    public static String key(String name, String architecture) {
        return name + ":" + architecture;
    }
}
