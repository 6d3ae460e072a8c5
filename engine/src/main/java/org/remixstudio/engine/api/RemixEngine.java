package org.remixstudio.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.LoadedCatalog;
import org.remixstudio.engine.repo.OneLineSourcesParser;
import org.remixstudio.engine.repo.RepositoryCatalogLoader;
import org.remixstudio.engine.repo.SuiteOverride;
import org.remixstudio.engine.repo.SystemSources;

/**
 * The engine's front door: the app and the CLI start here. One instance per set of
 * {@link EngineSettings}; it holds no state besides them, so it is cheap and thread-safe.
 *
 * <pre>{@code
 * PackageCatalog catalog = new RemixEngine(EngineSettings.defaults()).loadCatalog(event -> {});
 * Resolution r = catalog.resolve(new ResolveRequest("minbase", List.of("nginx"), List.of(), false));
 * }</pre>
 */
public final class RemixEngine {

    private final EngineSettings settings;

    public RemixEngine(EngineSettings settings) {
        this.settings = settings;
    }

    public EngineSettings settings() {
        return settings;
    }

    /**
     * Loads the packages of the configured sources: from the cache when the signed Release files
     * are unchanged, else fetched and verified. Interrupting the calling thread cancels it.
     *
     * @param progress receives {@code release}, {@code fetch} and {@code parse} events
     * @throws EngineException naming the source, file or URL at fault
     */
    public PackageCatalog loadCatalog(Consumer<ProgressEvent> progress) {
        SystemSources system = new SystemSources(settings.systemRoot());
        List<AptSource> sources = new ArrayList<>();
        if (settings.useSystemSources()) {
            sources.addAll(system.read());
        }
        OneLineSourcesParser cli = new OneLineSourcesParser("--source");
        for (int i = 0; i < settings.extraSources().size(); i++) {
            sources.add(cli.parseLine(settings.extraSources().get(i), i + 1));
        }
        if (sources.isEmpty()) {
            throw new EngineException("No package sources: the system has none in "
                    + settings.systemRoot().resolve("etc/apt") + " and none was given; add one with --source 'deb URI SUITE COMPONENT'.");
        }
        if (settings.suite() != null) {
            sources = new SuiteOverride(settings.suite()).apply(sources);
        }
        String baseSuite = settings.suite() != null ? settings.suite() : firstSuite(sources);
        LoadedCatalog loaded = RepositoryCatalogLoader.create(system, settings.cacheDir())
                .load(sources, settings.architecture(), settings.offline(), settings.maxCacheAge(), progress);
        return new PackageCatalog(loaded, baseSuite);
    }

    private String firstSuite(List<AptSource> sources) {
        return sources.stream().filter(s -> s.isBinary() && !s.suites().isEmpty())
                .map(s -> s.suites().get(0)).findFirst().orElse(null);
    }
}
