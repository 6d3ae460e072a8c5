package org.remixstudio.engine.license;

import java.nio.file.Path;
import java.util.Optional;
import org.remixstudio.engine.catalog.BinaryPackage;

/**
 * Where the scanner gets verified {@code .deb}s: the shared package cache
 * ({@code build.fetch.DebFetcher}, wired in by the api facade, which keeps this package free of a
 * dependency on the build).
 */
public interface DebSource {

    /** The cached, verified file of a package, if the cache has it. */
    Optional<Path> cached(BinaryPackage pkg);

    /**
     * Fetches and verifies a package's file into the cache.
     *
     * @throws org.remixstudio.engine.api.EngineException when it cannot be fetched or does not verify
     * @throws java.util.concurrent.CancellationException when the thread is interrupted
     */
    Path fetch(BinaryPackage pkg);
}
