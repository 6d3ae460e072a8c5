package org.remixstudio.engine.source;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SourceBundler#bundle} did.
 *
 * @param directory    the bundle directory
 * @param index        its {@code source-bundle.json}
 * @param binaries     binary packages mapped
 * @param sources      distinct source packages in the bundle
 * @param filesFetched files downloaded (and verified) by this run
 * @param filesKept    files already in the directory with the right size and SHA-256, kept as they were
 * @param bytesFetched bytes downloaded by this run
 * @param missing      binaries whose source was not found ({@link SourceMatch#describe}), when allowed
 */
public record SourceBundleReport(Path directory, Path index, int binaries, int sources, int filesFetched,
                                 int filesKept, long bytesFetched, List<String> missing) {

    public SourceBundleReport {
        missing = List.copyOf(missing);
    }
}
