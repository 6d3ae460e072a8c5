package org.remixstudio.engine.api;

/** The SBOM formats {@link RemixEngine#sbom} writes (docs/sbom.md). */
public enum SbomFormat {
    /** SPDX 2.3 JSON. */
    SPDX,
    /** CycloneDX 1.6 JSON. */
    CYCLONEDX
}
