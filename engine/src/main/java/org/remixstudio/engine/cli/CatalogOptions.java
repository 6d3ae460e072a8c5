package org.remixstudio.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.RemixEngine;
import picocli.CommandLine.Option;

/** The options shared by every command that reads packages: which sources, suite and architecture. */
final class CatalogOptions {

    @Option(names = "--source", paramLabel = "LINE",
            description = "A one-line sources.list entry added to the sources in use, e.g. "
                    + "'deb [signed-by=/path/key.gpg] file:///srv/repo stable main'. Repeatable.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--no-system-sources",
            description = "Ignore the host's apt sources; use only --source entries.")
    boolean noSystemSources;

    @Option(names = "--suite", paramLabel = "SUITE",
            description = "Use this suite of the same archives instead of the sources' own (e.g. trixie).")
    String suite;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "amd64",
            description = "Debian architecture (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--offline", description = "Do not touch the network; use the cached indexes.")
    boolean offline;

    @Option(names = "--refresh",
            description = "Fetch the Release files again even if the cached ones are less than an hour old.")
    boolean refresh;

    @Option(names = "--cache-dir", paramLabel = "DIR", hidden = true,
            description = "Cache directory (default: $XDG_CACHE_HOME/remix-studio).")
    Path cacheDir;

    EngineSettings settings() {
        EngineSettings s = EngineSettings.defaults()
                .withExtraSources(sources)
                .withSystemSources(!noSystemSources)
                .withSuite(suite)
                .withArchitecture(arch)
                .withOffline(offline)
                .withMaxCacheAge(refresh ? java.time.Duration.ZERO : EngineSettings.DEFAULT_MAX_CACHE_AGE);
        return cacheDir == null ? s : s.withCacheDir(cacheDir);
    }

    /** Loads the catalog, drawing a progress bar on a terminal while the indexes come in. */
    PackageCatalog load() {
        ProgressBar bar = ProgressBar.forTerminal();
        try {
            return new RemixEngine(settings()).loadCatalog(bar);
        } finally {
            bar.finish();
        }
    }
}
