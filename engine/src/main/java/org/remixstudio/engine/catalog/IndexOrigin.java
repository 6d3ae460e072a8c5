package org.remixstudio.engine.catalog;

/**
 * Where a package entry came from: one verified {@code Packages} index. Shared by every package of
 * that index; later steps use it to fetch the {@code .deb} ({@code baseUri + Filename}) and to cite
 * the signed Release in SBOMs.
 *
 * @param baseUri       the archive root, ending in {@code /}
 * @param suite         e.g. {@code bookworm-updates}
 * @param codename      the Release file's {@code Codename}
 * @param component     e.g. {@code main}
 * @param releaseSha256 SHA-256 of the verified {@code InRelease}/{@code Release} file
 */
public record IndexOrigin(String baseUri, String suite, String codename, String component, String releaseSha256) {
}
