package org.remixstudio.engine.api;

/**
 * An edit's whole impact, as {@code remix impact} prints it: the packages and sizes, and the licenses
 * once every copyright file involved has been read.
 *
 * @param impact   packages added and removed, sizes before and after
 * @param licenses licenses entering and leaving, categories before and after, policy findings
 *                 ({@link LicenseImpact#complete()})
 */
public record ImpactReport(Impact impact, LicenseImpact licenses) {
}
