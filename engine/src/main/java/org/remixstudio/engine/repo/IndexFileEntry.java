package org.remixstudio.engine.repo;

/**
 * One line of a Release file's {@code SHA256} list: a file under the Release's directory with the
 * size and hash it must have.
 *
 * @param path   relative path, e.g. {@code main/binary-amd64/Packages.xz}
 * @param size   size in bytes
 * @param sha256 lower-case hex SHA-256
 */
public record IndexFileEntry(String path, long size, String sha256) {
}
