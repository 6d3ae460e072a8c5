package org.remixstudio.engine.catalog;

/**
 * One file of a source package as its {@code Sources} entry lists it under {@code Checksums-Sha256}
 * (Debian policy §5.6.24): the {@code .dsc}, the upstream tarball(s), the Debian tarball or diff.
 *
 * @param name   the file name, relative to the entry's {@code Directory}
 * @param size   size in bytes
 * @param sha256 lower-case hex SHA-256
 */
public record SourceFile(String name, long size, String sha256) {
}
