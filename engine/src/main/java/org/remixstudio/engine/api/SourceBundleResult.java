package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RemixEngine#sourceBundle} wrote.
 *
 * @param directory    the bundle directory
 * @param index        its {@code source-bundle.json}, mapping each binary to its source and files
 * @param binaries     binary packages of the image
 * @param sources      distinct source packages bundled
 * @param filesFetched files downloaded and verified by this run
 * @param filesKept    files already there and verified, kept (a resumed run)
 * @param bytesFetched bytes downloaded by this run
 * @param missing      binaries whose source was not found (only with {@code allowMissing})
 */
public record SourceBundleResult(Path directory, Path index, int binaries, int sources, int filesFetched,
                                 int filesKept, long bytesFetched, List<String> missing) {

    public SourceBundleResult {
        missing = List.copyOf(missing);
    }
}
