package org.remixstudio.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A cache directory for a build that starts cold: the package indexes, blobs and {@code .deb}s of the
 * user's cache (symbolic links, so nothing is copied and the catalog still loads offline), but none of
 * its built layers, kept trees or work files, so every benchmark run builds the same layers.
 */
final class ColdLayerCache {

    /** What a build makes and later builds reuse: left out. */
    private static final Set<String> BUILT = Set.of("layers", "trees", "work");

    private ColdLayerCache() {
    }

    static Path create(Path userCache, Path dir) throws IOException {
        if (!Files.isDirectory(userCache)) {
            throw new IllegalStateException("no cache at " + userCache + ": run the studio or 'remix search x' once"
                    + " so the catalog and .debs are cached");
        }
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(userCache)) {
            for (Path e : entries.toList()) {
                if (!BUILT.contains(e.getFileName().toString())) {
                    Files.createSymbolicLink(dir.resolve(e.getFileName()), e.toAbsolutePath());
                }
            }
        }
        return dir;
    }
}
