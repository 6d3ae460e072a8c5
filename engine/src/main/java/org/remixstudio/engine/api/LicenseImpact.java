package org.remixstudio.engine.api;

import java.util.List;
import java.util.Map;

/**
 * The license side of an {@link Impact}, as one snapshot of a stream that fills in while copyright files
 * are read ({@link PackageCatalog#licenseImpact}). While {@code pending} is above zero the lists are
 * provisional: a license counted as entering may turn out to be in a package of the image before the edit
 * whose license is still being read. Nothing unknown is presented as known: pending packages are counted
 * only in {@code pending}, and packages whose license could not be found count as {@code NOASSERTION} in the
 * category {@code unknown}.
 *
 * @param entering         licenses some package after the edit has in its main expression and no package before has
 * @param leaving          licenses some package before the edit has and no package after has
 * @param categoriesBefore category id to the number of packages (of known license) before the edit
 * @param categoriesAfter  category id to the number of packages (of known license) after the edit
 * @param findings         what the policy warns about or denies among the packages the edit brings in
 *                         (new, or in another version), denials first; empty without a policy
 * @param pending          packages (before or after the edit) whose license is not known yet
 */
public record LicenseImpact(List<LicenseChange> entering, List<LicenseChange> leaving,
                            Map<String, Integer> categoriesBefore, Map<String, Integer> categoriesAfter,
                            List<LicenseFindingInfo> findings, int pending) {

    public LicenseImpact {
        entering = List.copyOf(entering);
        leaving = List.copyOf(leaving);
        categoriesBefore = Map.copyOf(categoriesBefore);
        categoriesAfter = Map.copyOf(categoriesAfter);
        findings = List.copyOf(findings);
    }

    /** Whether every package's license is known, so this snapshot is the last. */
    public boolean complete() {
        return pending == 0;
    }
}
