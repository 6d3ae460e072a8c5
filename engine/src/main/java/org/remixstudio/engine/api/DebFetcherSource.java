package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.license.DebSource;

/** The license scanner's {@code .deb}s from the shared verified package cache. */
final class DebFetcherSource implements DebSource {

    private final DebFetcher fetcher;
    private final boolean offline;

    /** @param offline never download: a package not cached is an error (its license stays unknown, not stored) */
    DebFetcherSource(DebFetcher fetcher, boolean offline) {
        this.fetcher = fetcher;
        this.offline = offline;
    }

    @Override
    public Optional<Path> cached(BinaryPackage pkg) {
        return fetcher.cached(pkg);
    }

    @Override
    public Path fetch(BinaryPackage pkg) {
        if (offline) {
            throw new EngineException("offline, and " + pkg.name() + " " + pkg.version() + " is not in the package cache");
        }
        return fetcher.fetchAll(List.of(pkg), e -> { }).get(0).file();
    }
}
