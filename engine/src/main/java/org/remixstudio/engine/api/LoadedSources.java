package org.remixstudio.engine.api;

import java.util.List;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.LoadedCatalog;

/** A loaded catalog with the apt sources and the base suite it came from ({@link SpecSources#load}). */
record LoadedSources(LoadedCatalog catalog, List<AptSource> sources, String baseSuite) {
}
