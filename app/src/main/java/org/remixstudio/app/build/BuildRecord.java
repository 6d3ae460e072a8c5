package org.remixstudio.app.build;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A finished build, for the notification and the library.
 *
 * @param specFile the remix's file, or null when it was never saved
 * @param specHash SHA-256 of the spec's canonical form (what a lock records)
 * @param size     bytes written
 */
public record BuildRecord(String remixName, Path specFile, String specHash, Instant finishedAt, String format,
                          Path output, String digest, long size) {
}
