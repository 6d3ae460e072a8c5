/**
 * Software bills of materials for an image: {@link org.remixstudio.engine.sbom.ImageSbom} says what
 * an image holds (one entry per Debian binary package with its source package, license, {@code .deb}
 * digest, supplier and resolved dependencies, and the signed Release files the packages came from);
 * {@link org.remixstudio.engine.sbom.SpdxWriter} writes it as SPDX 2.3 JSON and
 * {@link org.remixstudio.engine.sbom.CycloneDxWriter} as CycloneDX 1.6 JSON, both byte-identical for
 * equal input so that reproducible builds stay reproducible (docs/sbom.md).
 */
package org.remixstudio.engine.sbom;
