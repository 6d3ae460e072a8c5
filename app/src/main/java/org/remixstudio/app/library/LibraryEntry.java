package org.remixstudio.app.library;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One remix in the library with its builds, newest build first.
 *
 * @param file the remix's spec file
 */
public record LibraryEntry(String name, Path file, Instant updatedAt, List<Build> builds) {

    /** One recorded build. */
    public record Build(Instant finishedAt, String specHash, String format, Path output, String digest, long size) {
    }

    public LibraryEntry {
        builds = List.copyOf(builds);
    }
}
