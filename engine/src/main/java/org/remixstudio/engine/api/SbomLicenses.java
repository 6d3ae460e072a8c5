package org.remixstudio.engine.api;

import java.util.Map;
import java.util.function.Function;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.sbom.SbomLicense;

/**
 * The license scan's results as the SBOMs state them (SPDX 2.3 §7.13 declared, §7.15 concluded): a
 * license the copyright file declares (machine-readable) is both declared and concluded; one detected from
 * free-form text is concluded only, since the file declares nothing in a machine-readable way; an unknown
 * one is {@code NOASSERTION} in both, so that nothing unknown is presented as known.
 */
final class SbomLicenses {

    private SbomLicenses() {
    }

    static Function<BinaryPackage, SbomLicense> of(Map<BinaryPackage, PackageLicense> found) {
        return p -> {
            PackageLicense l = found.get(p);
            return l == null ? SbomLicense.unknown() : of(l);
        };
    }

    static SbomLicense of(PackageLicense l) {
        return switch (l.evidence()) {
            case DECLARED -> new SbomLicense(l.spdx(), l.spdx());
            case DETECTED -> new SbomLicense(SbomLicense.NOASSERTION, l.spdx());
            case UNKNOWN -> SbomLicense.unknown();
        };
    }
}
