package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.remixstudio.engine.build.pipeline.ResolvedLayer;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.license.SpdxLicenseList;
import org.remixstudio.engine.license.policy.AuditedPackage;
import org.remixstudio.engine.license.policy.LicensePolicy;
import org.remixstudio.engine.license.policy.LicensePolicyReader;
import org.remixstudio.engine.license.policy.PolicyEvaluator;
import org.remixstudio.engine.license.policy.PolicyFinding;
import org.remixstudio.engine.license.policy.PullChains;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.layer.LayerCache;
import org.remixstudio.engine.build.pipeline.BuiltImage;
import org.remixstudio.engine.build.pipeline.ImagePipeline;
import org.remixstudio.engine.build.pipeline.LayerPlan;
import org.remixstudio.engine.build.pipeline.LayerPlanner;
import org.remixstudio.engine.build.pipeline.OutputFormat;
import org.remixstudio.engine.build.pipeline.PipelineOptions;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.CachedRelease;
import org.remixstudio.engine.repo.RepositoryCache;
import org.remixstudio.engine.repo.SuiteStatus;
import org.remixstudio.engine.repo.SuiteTarget;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.spec.LockedLayer;
import org.remixstudio.engine.spec.LockedPackage;
import org.remixstudio.engine.spec.ReleaseDigest;
import org.remixstudio.engine.spec.RemixLock;
import org.remixstudio.engine.spec.RemixLockWriter;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecFiles;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.spec.RemixSpecWriter;
import org.remixstudio.engine.spec.SourceSpec;
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
        Loaded loaded = load(settings, progress);
        return new PackageCatalog(loaded.catalog(), loaded.baseSuite());
    }

    /**
     * Builds the image a spec describes and writes it as {@code request.output()}: resolves each layer,
     * fetches the packages, builds the base tree and installs each layer on it inside a sandbox, and
     * writes one OCI layer per spec layer (or one with {@code squash}). Unchanged lower layers come
     * from the layer cache. {@code SOURCE_DATE_EPOCH}, or else the spec's {@code timestamp}, fixes every
     * file time and the creation time. Interrupting the calling thread cancels it; a failed or
     * cancelled build leaves no output and no work directory.
     *
     * @param progress receives {@code release}, {@code fetch}, {@code unpack}, {@code configure},
     *                 {@code layer} and {@code export} events
     * @throws EngineException naming the spec field, package, source or file at fault
     */
    public BuildResult build(BuildRequest request, Consumer<ProgressEvent> progress) {
        RemixSpec spec = new RemixSpecReader().read(request.spec());
        Loaded loaded = load(settingsFor(spec, request.extraSources()), progress);
        Long epoch = sourceDateEpoch(spec);
        PipelineOptions options = new PipelineOptions(request.output(), switch (request.format()) {
            case OCI -> OutputFormat.OCI;
            case OCI_DIR -> OutputFormat.OCI_DIR;
            case ROOTFS -> OutputFormat.ROOTFS;
        }, request.squash(), request.tag(), aptLines(loaded.sources()), epoch);
        ImagePipeline pipeline = new ImagePipeline(loaded.catalog().catalog(),
                DebFetcher.create(settings.cacheDir().resolve("debs")), new LayerCache(settings.cacheDir()),
                settings.cacheDir().resolve("work"));
        BuiltImage image = pipeline.build(spec, options, progress);
        List<BuildResult.Layer> layers = image.layers().stream().map(l -> new BuildResult.Layer(l.name(),
                l.packages(), l.added(), l.removed(), l.diffId(), l.size(), l.fromCache())).toList();
        return new BuildResult(image.output(), image.digest(), image.size(), layers, image.warnings());
    }

    /**
     * Resolves a spec and writes what it resolved to beside it as {@code NAME.remix.lock.json}.
     *
     * @return the lock file written
     * @throws EngineException naming the spec field, package or source at fault
     */
    public Path lock(Path specFile, Consumer<ProgressEvent> progress) {
        RemixSpec spec = new RemixSpecReader().read(specFile);
        Loaded loaded = load(settingsFor(spec, List.of()), progress);
        List<LayerPlan> plans = new LayerPlanner(new Resolver(loaded.catalog().catalog(), spec.architecture()))
                .plan(spec);
        List<LockedLayer> layers = new ArrayList<>();
        for (LayerPlan plan : plans) {
            layers.add(new LockedLayer(plan.name().equals(LayerPlanner.BASE) ? LockedLayer.BASE : plan.name(),
                    plan.added().stream().map(p -> new LockedPackage(p.name(), p.version().toString(),
                            p.architecture(), p.sha256())).toList()));
        }
        List<ReleaseDigest> releases = loaded.catalog().suites().stream()
                .map(s -> new ReleaseDigest(s.uri(), s.suite(), releaseSha256(s))).toList();
        RemixLock lock = new RemixLock(RemixSpec.CURRENT_VERSION, new RemixSpecWriter().sha256(spec), releases, layers);
        Path target = RemixSpecFiles.lockFileFor(specFile);
        new RemixLockWriter().write(lock, target);
        return target;
    }

    /** The engine's settings with the spec's suite, architecture and sources. */
    private EngineSettings settingsFor(RemixSpec spec, List<String> extra) {
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

    private static Long sourceDateEpoch(RemixSpec spec) {
        Instant env = LayerTarWriter.sourceDateEpochFromEnvironment();
        if (env != null) {
            return env.getEpochSecond();
        }
        return spec.timestamp().isPresent() ? spec.timestamp().getAsLong() : null;
    }

    /** {@code deb URI SUITE COMPONENTS} for each binary source, as mmdebstrap writes them into the image. */
    private static List<String> aptLines(List<AptSource> sources) {
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

    private String releaseSha256(SuiteStatus suite) {
        // the Release file just loaded is the newest verified one in the cache
        return new RepositoryCache(settings.cacheDir())
                .release(new SuiteTarget(suite.uri(), suite.suite(), List.of(), null))
                .map(CachedRelease::releaseSha256).orElse("");
    }

    /** The loaded catalog with the sources and base suite it came from. */
    private record Loaded(LoadedCatalog catalog, List<AptSource> sources, String baseSuite) {
    }

    private static Loaded load(EngineSettings settings, Consumer<ProgressEvent> progress) {
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
        return new Loaded(loaded, sources, baseSuite);
    }

    private static String firstSuite(List<AptSource> sources) {
        return sources.stream().filter(s -> s.isBinary() && !s.suites().isEmpty())
                .map(s -> s.suites().get(0)).findFirst().orElse(null);
    }

    /**
     * The licenses of every package a spec resolves to, with what a license policy says about them. Each
     * source package's copyright file is read once ever (from the verified package cache, fetching the
     * {@code .deb} when needed) and kept in the license store under {@link EngineSettings#dataDir()}.
     * Interrupting the calling thread cancels it.
     *
     * @param spec         the {@code NAME.remix.json} file
     * @param policyOrNull a policy file (docs/licenses.md), or {@code null} for no findings
     * @param progress     receives {@code release}, {@code fetch}, {@code parse} and {@code licenses} events
     * @throws EngineException naming the spec field, policy path, package or source at fault
     */
    public LicenseReport licenses(Path spec, Path policyOrNull, Consumer<ProgressEvent> progress) {
        RemixSpec remix = new RemixSpecReader().read(spec);
        SpdxLicenseList list = SpdxLicenseList.bundled();
        LicensePolicy policy = policyOrNull == null ? LicensePolicy.allowAll()
                : new LicensePolicyReader(list).read(policyOrNull);
        Loaded loaded = load(settingsFor(remix, List.of()), progress);
        Catalog catalog = loaded.catalog().catalog();
        List<ResolvedLayer> layers = new LayerPlanner(new Resolver(catalog, remix.architecture()))
                .planWithResolutions(remix);
        Map<String, ResolvedLayer> layerOf = new HashMap<>();
        for (ResolvedLayer layer : layers) {
            layer.plan().added().forEach(p -> layerOf.put(p.id(), layer));
        }
        List<BinaryPackage> image = new ArrayList<>(layers.get(layers.size() - 1).plan().packages());
        List<String> layerOrder = layers.stream().map(l -> l.plan().name()).toList();
        image.sort(Comparator.comparing((BinaryPackage p) -> layerOrder.indexOf(layerName(layerOf.get(p.id()))))
                .thenComparing(BinaryPackage::name));
        Map<BinaryPackage, PackageLicense> found;
        try (LicenseScanning.Open scanning = LicenseScanning.open(settings, catalog)) {
            found = scanning.scanner().scan(image, progress);
        }
        LicenseCategories categories = LicenseCategories.bundled();
        List<AuditedPackage> audited = new ArrayList<>();
        List<PackageLicenseInfo> infos = new ArrayList<>();
        Map<ResolvedLayer, PullChains> chains = new IdentityHashMap<>();
        for (BinaryPackage p : image) {
            ResolvedLayer layer = layerOf.get(p.id());
            PackageLicense l = found.get(p);
            List<String> chain = layer == null ? List.of(p.name())
                    : chains.computeIfAbsent(layer, x -> new PullChains(x.resolution())).chain(p.name());
            audited.add(new AuditedPackage(l, layerName(layer), chain));
            infos.add(new PackageLicenseInfo(p.name(), p.version().toString(), p.architecture(), layerName(layer),
                    p.source(), p.sourceVersion().toString(), l.spdx(), l.category(categories).id(),
                    l.evidence().name().toLowerCase(Locale.ROOT), List.copyOf(l.licenses()), l.reason(), l.nonFree()));
        }
        List<LicenseFindingInfo> findings = new PolicyEvaluator(categories).evaluate(policy, audited).stream()
                .map(f -> new LicenseFindingInfo(f.action().key(), f.pkg(), f.version(), f.layer(), f.license(),
                        f.category(), f.rule(), f.scope() == PolicyFinding.Scope.MAIN ? "main" : "other-files",
                        f.chain()))
                .toList();
        return new LicenseReport(infos, findings, policyOrNull == null ? "" : policyOrNull.toString());
    }

    private static String layerName(ResolvedLayer layer) {
        return layer == null ? LayerPlanner.BASE : layer.plan().name();
    }
}
