package org.remixstudio.engine.license;

import java.util.Optional;
import java.util.SortedSet;
import org.remixstudio.engine.catalog.BinaryPackage;

/**
 * The licenses of one binary package: its source's {@link SourceLicense}, plus whether the package is
 * in a {@code non-free} or {@code non-free-firmware} component, which makes it non-free whatever its
 * copyright file says.
 *
 * @param pkg     the package
 * @param license what its source's copyright file says
 * @param nonFree whether the archive files it under a non-free component
 */
public record PackageLicense(BinaryPackage pkg, SourceLicense license, boolean nonFree) {

    public String name() {
        return pkg.name();
    }

    /** The main license as an SPDX expression; empty when unknown. */
    public Optional<SpdxExpression> main() {
        return license.main();
    }

    /** The main license's SPDX text, or {@code NOASSERTION} (SPDX 2.3 §7.13's word for "not known"). */
    public String spdx() {
        return license.main().map(SpdxExpression::render).orElse("NOASSERTION");
    }

    public SortedSet<String> licenses() {
        return license.licenses();
    }

    public Evidence evidence() {
        return license.evidence();
    }

    public String reason() {
        return license.reason();
    }

    /**
     * The category: non-free for non-free components, else that of the main license, where a
     * {@code LicenseRef-} whose text reads as an SPDX license counts as that license.
     */
    public LicenseCategory category(LicenseCategories categories) {
        if (nonFree) {
            return LicenseCategory.NON_FREE;
        }
        return license.main().map(e -> categories.of(e, license.similar())).orElse(LicenseCategory.UNKNOWN);
    }

    /** Whether the archive files a package under {@code non-free} or {@code non-free-firmware}. */
    public static boolean isNonFree(BinaryPackage pkg) {
        String section = pkg.section() == null ? "" : pkg.section();
        String file = pkg.filename() == null ? "" : pkg.filename();
        return section.startsWith("non-free/") || section.startsWith("non-free-firmware/")
                || file.startsWith("pool/non-free/") || file.startsWith("pool/non-free-firmware/");
    }
}
