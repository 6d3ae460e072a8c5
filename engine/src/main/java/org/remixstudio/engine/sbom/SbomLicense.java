package org.remixstudio.engine.sbom;

import java.util.Objects;

/**
 * The license of one package as the SBOMs state it: the SPDX license expression the package's
 * copyright file declares, and the one concluded for it (SPDX 2.3 §7.13 and §7.15). Either is
 * {@link #NOASSERTION} when nothing is known, so that nothing unknown is presented as known.
 *
 * @param declared  an SPDX license expression, or {@code NOASSERTION}
 * @param concluded an SPDX license expression, or {@code NOASSERTION}
 */
public record SbomLicense(String declared, String concluded) {

    /** SPDX's word for "the creator makes no statement" (SPDX 2.3 §7.13). */
    public static final String NOASSERTION = "NOASSERTION";

    private static final SbomLicense UNKNOWN = new SbomLicense(NOASSERTION, NOASSERTION);

    public SbomLicense {
        declared = blankToNoAssertion(declared);
        concluded = blankToNoAssertion(concluded);
    }

    /** Neither declared nor concluded: the state of a package whose license was not looked at. */
    public static SbomLicense unknown() {
        return UNKNOWN;
    }

    public boolean hasDeclared() {
        return !declared.equals(NOASSERTION);
    }

    public boolean hasConcluded() {
        return !concluded.equals(NOASSERTION);
    }

    private static String blankToNoAssertion(String value) {
        return Objects.requireNonNullElse(value, "").isBlank() ? NOASSERTION : value.strip();
    }
}
