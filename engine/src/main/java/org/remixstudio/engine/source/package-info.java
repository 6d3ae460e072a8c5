/**
 * The source bundle of an image (license compliance: the corresponding source of every binary):
 * {@link org.remixstudio.engine.source.SourceMatcher} maps each installed binary package to the source
 * package and version it was built from, {@link org.remixstudio.engine.source.SourceBundler} fetches
 * each source's {@code .dsc} and files in parallel, verified against the signed {@code Sources} index,
 * into an archive-like {@code pool/} tree, and writes {@code source-bundle.json} mapping binaries to
 * sources (docs/sbom.md).
 */
package org.remixstudio.engine.source;
