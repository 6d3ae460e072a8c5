package org.remixstudio.engine.repo;

import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM for {@link RepositoryCacheConcurrencyTest}: loads one source line into a cache
 * directory and prints the package count. Arguments: cache directory, source line.
 */
public final class CacheWriterProcess {

    private CacheWriterProcess() {
    }

    public static void main(String[] args) {
        AptSource source = new OneLineSourcesParser("argument").parseLine(args[1], 1);
        RepositoryCatalogLoader loader = RepositoryCatalogLoader.create(new SystemSources(Path.of(args[0], "no-root")),
                Path.of(args[0]));
        LoadedCatalog loaded = loader.load(List.of(source), "amd64", false, e -> { });
        System.out.println(loaded.catalog().all().size());
    }
}
