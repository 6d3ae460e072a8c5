package org.remixstudio.engine.build.fetch;

import java.nio.file.Path;
import org.remixstudio.engine.catalog.BinaryPackage;

/**
 * A package whose {@code .deb} sits verified in the cache.
 *
 * @param pkg       the index entry it was checked against
 * @param file      the cached file, named by its SHA-256
 * @param fromCache whether it was already cached (no transfer happened)
 */
public record FetchedDeb(BinaryPackage pkg, Path file, boolean fromCache) {
}
