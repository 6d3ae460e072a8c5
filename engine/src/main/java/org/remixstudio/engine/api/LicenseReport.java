package org.remixstudio.engine.api;

import java.util.List;

/**
 * The licenses of the packages a remix spec resolves to, and what a license policy says about them.
 *
 * @param packages every package of the image, in layer order, then by name
 * @param findings what the policy warns about or denies, denials first; empty without a policy
 * @param policy   the policy file applied, or empty
 */
public record LicenseReport(List<PackageLicenseInfo> packages, List<LicenseFindingInfo> findings, String policy) {

    public LicenseReport {
        packages = List.copyOf(packages);
        findings = List.copyOf(findings);
    }

    /** How many packages' licenses were found in that way ({@code declared}, {@code detected}, {@code unknown}). */
    public long count(String howFound) {
        return packages.stream().filter(p -> p.howFound().equals(howFound)).count();
    }

    /** Whether the policy denies any package. */
    public boolean denied() {
        return findings.stream().anyMatch(f -> f.action().equals("deny"));
    }
}
