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
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.SourceSpec;

/**
 * Where a spec's packages come from: the engine's settings narrowed to the spec's sources, suite and
 * architecture, those sources as apt sources (the host's and the extra ones), their loaded catalog,
 * and the {@code deb} lines written into the image. {@link RemixEngine}'s operations all start here.
 */
final class SpecSources {

    private final EngineSettings settings;

    SpecSources(EngineSettings settings) {
        this.settings = settings;
    }

    /** The engine's settings with the spec's suite, architecture and sources. */
    EngineSettings settingsFor(RemixSpec spec, List<String> extra) {
        List<String> lines = new ArrayList<>();
        for (SourceSpec source : spec.sources().entries()) {
            lines.addAll(oneLine(source));
        }
        lines.addAll(settings.extraSources());
        lines.addAll(extra);
        return settings.withSuite(spec.sources().system() ? spec.suite() : null)
                .withArchitecture(spec.architecture())
                .withSystemSources(spec.sources().system() && settings.useSystemSources())
                .withExtraSources(lines);
    }

    /** A spec's source entry as one-line {@code sources.list} entries. */
    private static List<String> oneLine(SourceSpec source) {
        if (source.hasInlineKey()) {
            throw new EngineException("A source of the spec (" + source.uris() + ") has an inline key in signedBy;"
                    + " building with inline keys is not supported yet. Put the key in a keyring file and give"
                    + " its absolute path in signedBy.");
        }
        List<String> out = new ArrayList<>();
        String options = source.signedBy().map(k -> "[signed-by=" + k + "] ").orElse("")
                + (source.trusted() ? "[trusted=yes] " : "");
        options = options.replace("] [", " ");
        for (String type : source.types()) {
            for (String uri : source.uris()) {
                for (String suite : source.suites()) {
                    out.add(type + " " + options + uri + " " + suite + " " + String.join(" ", source.components()));
                }
            }
        }
        return out;
    }

    /** {@code deb URI SUITE COMPONENTS} for each binary source, as mmdebstrap writes them into the image. */
    static List<String> aptLines(List<AptSource> sources) {
        List<String> lines = new ArrayList<>();
        for (AptSource s : sources) {
            if (!s.isBinary()) {
                continue;
            }
            for (String uri : s.uris()) {
                for (String suite : s.suites()) {
                    lines.add("deb " + uri + " " + suite + " " + String.join(" ", s.components()));
                }
            }
        }
        return lines;
    }

    static LoadedSources load(EngineSettings settings, Consumer<ProgressEvent> progress) {
        return load(settings, of(settings), progress);
    }

    static LoadedSources load(EngineSettings settings, List<AptSource> sources, Consumer<ProgressEvent> progress) {
        String baseSuite = settings.suite() != null ? settings.suite() : firstSuite(sources);
        LoadedCatalog loaded = RepositoryCatalogLoader.create(new SystemSources(settings.systemRoot()), settings.cacheDir())
                .load(sources, settings.architecture(), settings.offline(), settings.maxCacheAge(), progress);
        return new LoadedSources(loaded, sources, baseSuite);
    }

    /** The sources the settings name: the host's and the extra ones, moved to the settings' suite. */
    static List<AptSource> of(EngineSettings settings) {
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
        return List.copyOf(sources);
    }

    private static String firstSuite(List<AptSource> sources) {
        return sources.stream().filter(s -> s.isBinary() && !s.suites().isEmpty())
                .map(s -> s.suites().get(0)).findFirst().orElse(null);
    }
}
