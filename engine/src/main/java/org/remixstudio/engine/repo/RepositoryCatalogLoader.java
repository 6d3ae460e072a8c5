package org.remixstudio.engine.repo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.IndexFormatException;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.SourcePackage;
import org.remixstudio.engine.catalog.SourcesIndexParser;
import org.remixstudio.engine.control.ControlSyntaxException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Loads the package catalog of a set of apt sources for one architecture, as {@code apt update} would
 * see it: for every URI and suite the signed Release file (verified, or taken from the cache), then
 * each component's {@code Packages} index (hash-checked against the Release, or taken from the cache),
 * merged into one {@link Catalog} where the highest version of a name is its candidate.
 *
 * <p>Typical use (what the CLI's {@code remix sources} and the API facade do):
 * <pre>{@code
 * SystemSources system = new SystemSources(Path.of("/"));
 * List<AptSource> sources = new SuiteOverride("trixie").apply(system.read());   // override optional
 * RepositoryCatalogLoader loader = RepositoryCatalogLoader.create(system, cacheDir);
 * LoadedCatalog loaded = loader.load(sources, "amd64", false, progressBar);
 * loaded.catalog().candidate("bash");
 * loaded.suites().forEach(s -> System.out.println(s.uri() + " " + s.suite() + ": " + s.signature().describe()));
 * }</pre>
 *
 * <p>Offline ({@code offline=true}, or on its own for a host whose network fails) it uses the newest
 * cached verified Release of each URI and suite and reports when it was fetched; a second start with
 * unchanged Release files needs no network and reads only compact {@link CatalogSnapshot}s. Loading is
 * cancelled by interrupting the calling thread ({@link CancellationException}).
 */
public final class RepositoryCatalogLoader {

    private final ReleaseLoader releases;
    private final IndexLoader indexes;

    /**
     * @param fetcher  fetches archive files
     * @param cache    the metadata cache
     * @param keyrings finds each source's keys
     * @param clock    the time to check {@code Valid-Until} and to stamp fetches with
     */
    public RepositoryCatalogLoader(Fetcher fetcher, RepositoryCache cache, KeyringResolver keyrings, Clock clock) {
        this.releases = new ReleaseLoader(fetcher, cache, keyrings, clock);
        this.indexes = new IndexLoader(fetcher, cache);
    }

    /** A loader with the default fetcher, the system's trusted keyrings and the system clock. */
    public static RepositoryCatalogLoader create(SystemSources system, Path cacheDir) {
        return new RepositoryCatalogLoader(Fetcher.createDefault(), new RepositoryCache(cacheDir),
                new KeyringResolver(system.trustedKeyrings()), Clock.systemUTC());
    }

    /**
     * Loads the binary packages of {@code sources} for {@code arch} (and arch {@code all}).
     *
     * @param sources  the sources; {@code deb-src}-only entries and entries restricted to other
     *                 architectures are skipped
     * @param arch     a Debian architecture such as {@code amd64}
     * @param offline  use only the cache
     * @param progress receives {@code release}, {@code fetch} and {@code parse} events
     * @throws EngineException naming the source or URL when a Release file is refused (bad or missing
     *                         signature, expired), an index does not match its signed hash, or data
     *                         needed offline is not cached
     */
    public LoadedCatalog load(List<AptSource> sources, String arch, boolean offline, Consumer<ProgressEvent> progress) {
        return load(sources, arch, offline, Duration.ZERO, progress);
    }

    /**
     * As {@link #load(List, String, boolean, Consumer)}, but a Release fetched less than {@code maxAge}
     * ago is taken from the cache without asking the network, so that repeated commands start fast.
     */
    public LoadedCatalog load(List<AptSource> sources, String arch, boolean offline, Duration maxAge,
                              Consumer<ProgressEvent> progress) {
        List<SuiteTarget> targets = targets(sources, arch);
        if (targets.isEmpty()) {
            throw new EngineException("No 'deb' source for architecture " + arch + " is configured. Add one to"
                    + " /etc/apt/sources.list.d or pass a source explicitly.");
        }
        LoadSession session = new LoadSession(offline, maxAge, progress);
        List<BinaryPackage> all = new ArrayList<>();
        List<SuiteStatus> statuses = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            SuiteTarget target = targets.get(i);
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("loading the catalog was cancelled");
            }
            progress.accept(new ProgressEvent("release", target.displayName(), i, targets.size(),
                    ProgressEvent.Unit.ITEMS));
            VerifiedRelease vr = releases.load(target, session);
            List<String> warnings = new ArrayList<>(vr.warnings());
            int before = all.size();
            if (!vr.release().architectures().isEmpty() && !vr.release().architectures().contains(arch)
                    && !target.isFlat()) {
                warnings.add("the archive does not support architecture " + arch + " (it has "
                        + String.join(" ", vr.release().architectures()) + ")");
            } else {
                loadIndexes(vr, arch, session, all, warnings);
            }
            ReleaseFile r = vr.release();
            statuses.add(new SuiteStatus(target.uri(), target.suite(), r.codename(), r.version(), r.origin(), target.components(),
                    vr.signature(), r.date(), r.validUntil(), vr.fetchedAt(), vr.fromCache(), all.size() - before,
                    warnings));
        }
        progress.accept(new ProgressEvent("release", "", targets.size(), targets.size(), ProgressEvent.Unit.ITEMS));
        return new LoadedCatalog(new Catalog(all, arch), statuses);
    }

    /**
     * Loads the source packages named by {@code wanted} from the {@code Sources} index of every
     * component of every URI and suite of {@code sources} ({@code deb} and {@code deb-src} entries
     * alike: Debian archives serve both from the same Release). Each {@code COMPONENT/source/Sources}
     * variant is checked against the verified Release by size and SHA-256 before it is read, and kept
     * in the cache by its hash.
     *
     * @param progress receives {@code release}, {@code fetch} and {@code parse} events
     * @throws EngineException naming the source or URL when a Release file is refused, a Sources index
     *                         does not match its signed hash, or data needed offline is not cached
     */
    public List<SourcePackage> loadSources(List<AptSource> sources, Predicate<String> wanted, boolean offline,
                                           Duration maxAge, Consumer<ProgressEvent> progress) {
        Map<String, SuiteTarget> byKey = new LinkedHashMap<>();
        for (AptSource s : sources) {
            for (SuiteTarget t : s.suiteTargets()) {
                SuiteTarget seen = byKey.get(t.key());
                if (seen == null) {
                    byKey.put(t.key(), t);
                } else {
                    List<String> merged = new ArrayList<>(seen.components());
                    t.components().stream().filter(c -> !merged.contains(c)).forEach(merged::add);
                    byKey.put(t.key(), new SuiteTarget(seen.uri(), seen.suite(), merged, seen.source()));
                }
            }
        }
        LoadSession session = new LoadSession(offline, maxAge, progress);
        List<SourcePackage> out = new ArrayList<>();
        int i = 0;
        for (SuiteTarget target : byKey.values()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("loading the source indexes was cancelled");
            }
            progress.accept(new ProgressEvent("release", target.displayName(), i++, byKey.size(),
                    ProgressEvent.Unit.ITEMS));
            VerifiedRelease vr = releases.load(target, session);
            List<String> components = target.isFlat() ? List.of("") : target.components();
            for (String component : components) {
                String path = target.isFlat() ? "Sources" : component + "/source/Sources";
                List<IndexFileEntry> variants = IndexLoader.variants(vr.release(), path);
                if (variants.isEmpty()) {
                    continue; // an archive without sources for this component: the bundle reports what is missing
                }
                IndexLoader.VerifiedIndex index = indexes.verifiedBytes(vr, variants, session);
                IndexOrigin origin = new IndexOrigin(target.uri(), target.suite(), vr.release().codename(),
                        target.isFlat() ? "" : component, vr.releaseSha256());
                progress.accept(new ProgressEvent("parse", index.url(), 0, -1, ProgressEvent.Unit.ITEMS));
                try (InputStream in = IndexDecompressor.open(new ByteArrayInputStream(index.bytes()), index.url());
                     Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    new SourcesIndexParser(index.url(), origin).parse(reader, wanted, out::add);
                } catch (IOException e) {
                    throw new EngineException("Cannot decompress " + index.url() + " (" + e.getMessage() + "), although"
                            + " its hash matched the signed Release. The archive is broken; report it to its maintainer.", e);
                } catch (IndexFormatException | ControlSyntaxException e) {
                    throw new EngineException("Cannot parse " + e.getMessage() + ". The archive is broken; report it"
                            + " to its maintainer.", e);
                }
            }
        }
        progress.accept(new ProgressEvent("release", "", byKey.size(), byKey.size(), ProgressEvent.Unit.ITEMS));
        return out;
    }

    private void loadIndexes(VerifiedRelease vr, String arch, LoadSession session, List<BinaryPackage> into,
                             List<String> warnings) {
        SuiteTarget target = vr.target();
        List<String> components = target.isFlat() ? List.of("") : target.components();
        for (String component : components) {
            String path = IndexLoader.indexPath(target, component, arch);
            List<IndexFileEntry> variants = IndexLoader.variants(vr.release(), path);
            if (variants.isEmpty()) {
                warnings.add("skipped " + path + ": the Release file does not list it (component '" + component
                        + "' misspelt, or not built for " + arch + "?)");
                continue;
            }
            into.addAll(indexes.load(vr, component, variants, session));
            if (!target.isFlat() && !arch.equals("all") && readsBinaryAll(vr.release())) {
                List<IndexFileEntry> allVariants = IndexLoader.variants(vr.release(),
                        IndexLoader.indexPath(target, component, "all"));
                if (!allVariants.isEmpty()) {
                    into.addAll(indexes.load(vr, component, allVariants, session));
                }
            }
        }
    }

    /**
     * Whether apt would also read {@code binary-all}: only when the Release lists {@code all} among its
     * architectures (or lists none) and does not say {@code No-Support-for-Architecture-all: Packages},
     * which means the {@code binary-ARCH} indexes carry the arch:all packages already.
     */
    static boolean readsBinaryAll(ReleaseFile release) {
        return !release.archIndexesIncludeAll()
                && (release.architectures().isEmpty() || release.architectures().contains("all"));
    }

    /** The binary URI/suite pairs for {@code arch}, with the components of repeated pairs merged. */
    static List<SuiteTarget> targets(List<AptSource> sources, String arch) {
        Map<String, SuiteTarget> byKey = new LinkedHashMap<>();
        for (AptSource s : sources) {
            if (!s.isBinary() || s.excludesArchitecture(arch)) {
                continue;
            }
            for (SuiteTarget t : s.suiteTargets()) {
                SuiteTarget seen = byKey.get(t.key());
                if (seen == null) {
                    byKey.put(t.key(), t);
                    continue;
                }
                if (!seen.source().signedBy().equals(s.signedBy())) {
                    throw new EngineException("Conflicting Signed-By for " + t.displayName() + " in "
                            + seen.source().location() + " and " + s.location() + ", as apt would also refuse."
                            + " Use the same Signed-By in both entries.");
                }
                List<String> merged = new ArrayList<>(seen.components());
                t.components().stream().filter(c -> !merged.contains(c)).forEach(merged::add);
                byKey.put(t.key(), new SuiteTarget(seen.uri(), seen.suite(), merged, seen.source()));
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
