/**
 * Reads Debian binary packages ({@code .deb}, format deb(5): an {@code ar} archive holding
 * {@code debian-binary}, {@code control.tar[.gz|.xz|.zst]} and {@code data.tar[.gz|.xz|.zst|.bz2|.lzma]})
 * without trusting them: member names are normalized and refused when they would leave the tree,
 * hard links must point at earlier entries, nothing may be placed through a symbolic link the
 * package itself created, and size and entry-count limits stop decompression bombs. The
 * {@link org.remixstudio.engine.deb.TreeExtractor} writes entries into a directory without ever
 * following a symbolic link out of it.
 */
package org.remixstudio.engine.deb;
