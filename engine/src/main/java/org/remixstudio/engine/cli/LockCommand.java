package org.remixstudio.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.RemixEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remix lock SPEC}: writes what the spec resolves to now as {@code NAME.remix.lock.json}. */
@Command(name = "lock", description = "Resolve a .remix.json spec and write NAME.remix.lock.json beside it.")
final class LockCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "The NAME.remix.json file.")
    Path specFile;

    @Option(names = "--offline", description = "Do not touch the network; use the cached indexes.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", hidden = true,
            description = "Cache directory (default: $XDG_CACHE_HOME/remix-studio).")
    Path cacheDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EngineSettings settings = EngineSettings.defaults().withOffline(offline);
        if (cacheDir != null) {
            settings = settings.withCacheDir(cacheDir);
        }
        ProgressBar bar = ProgressBar.forTerminal();
        Path written;
        try {
            written = new RemixEngine(settings).lock(specFile, bar);
        } finally {
            bar.finish();
        }
        spec.commandLine().getOut().println("wrote " + written);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
