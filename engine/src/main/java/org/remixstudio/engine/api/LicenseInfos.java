package org.remixstudio.engine.api;

import java.util.List;
import java.util.Locale;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.license.policy.PolicyFinding;

/** Maps the license package's results onto the API's records, in one place for the report and the impact. */
final class LicenseInfos {

    private LicenseInfos() {
    }

    static PackageLicenseInfo info(PackageLicense l, String layer, LicenseCategories categories) {
        var p = l.pkg();
        return new PackageLicenseInfo(p.name(), p.version().toString(), p.architecture(), layer, p.source(),
                p.sourceVersion().toString(), l.spdx(), l.category(categories).id(),
                l.evidence().name().toLowerCase(Locale.ROOT), List.copyOf(l.licenses()), l.reason(), l.nonFree());
    }

    static LicenseFindingInfo finding(PolicyFinding f) {
        return new LicenseFindingInfo(f.action().key(), f.pkg(), f.version(), f.layer(), f.license(), f.category(),
                f.rule(), f.scope() == PolicyFinding.Scope.MAIN ? "main" : "other-files", f.chain());
    }
}
