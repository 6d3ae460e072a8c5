package org.remixstudio.engine.repo;

import java.util.List;
import org.remixstudio.engine.catalog.Catalog;

/**
 * What {@link RepositoryCatalogLoader#load} returns: the merged catalog of every suite and the status
 * of each suite.
 */
public record LoadedCatalog(Catalog catalog, List<SuiteStatus> suites) {

    public LoadedCatalog {
        suites = List.copyOf(suites);
    }
}
