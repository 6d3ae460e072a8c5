package org.remixstudio.engine.cli;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.api.RemixEngine;
import picocli.CommandLine.Option;

/**
 * The options every command that works on a spec shares (a picocli mixin): whether to go online, and
 * where the caches and the license store are; and the one way those commands run engine work, with a
 * progress bar on the terminal that is always closed.
 */
final class EngineOptions {

    @Option(names = "--offline", description = "Do not touch the network; use the cached indexes and packages.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", hidden = true,
            description = "Cache directory (default: $XDG_CACHE_HOME/remix-studio).")
    Path cacheDir;

    @Option(names = "--data-dir", paramLabel = "DIR", hidden = true,
            description = "Data directory holding the license store (default: $XDG_DATA_HOME/remix-studio).")
    Path dataDir;

    RemixEngine engine() {
        EngineSettings settings = EngineSettings.defaults().withOffline(offline);
        if (cacheDir != null) {
            settings = settings.withCacheDir(cacheDir);
        }
        if (dataDir != null) {
            settings = settings.withDataDir(dataDir);
        }
        return new RemixEngine(settings);
    }

    /** Runs {@code work} on the engine with a progress bar on the terminal. */
    <T> T run(BiFunction<RemixEngine, Consumer<ProgressEvent>, T> work) {
        RemixEngine engine = engine();
        ProgressBar bar = ProgressBar.forTerminal();
        try {
            return work.apply(engine, bar);
        } finally {
            bar.finish();
        }
    }
}
