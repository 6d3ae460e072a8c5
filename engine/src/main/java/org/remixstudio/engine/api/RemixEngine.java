package org.remixstudio.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.layer.KeptTrees;
import org.remixstudio.engine.build.layer.LayerCache;
import org.remixstudio.engine.build.pipeline.BuiltImage;
import org.remixstudio.engine.build.pipeline.ImagePipeline;
import org.remixstudio.engine.build.pipeline.LayerPlan;
import org.remixstudio.engine.build.pipeline.LayerPlanner;
import org.remixstudio.engine.build.pipeline.OutputFormat;
import org.remixstudio.engine.build.pipeline.PipelineOptions;
import org.remixstudio.engine.build.vm.DiskIds;
import org.remixstudio.engine.build.vm.KernelFlavour;
import org.remixstudio.engine.build.vm.VmEssentials;
import org.remixstudio.engine.build.pipeline.SbomRecipe;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.SourcePackage;
import org.remixstudio.engine.repo.Fetcher;
import org.remixstudio.engine.source.SourceBundleReport;
import org.remixstudio.engine.source.SourceBundler;
import org.remixstudio.engine.source.SourceMatcher;
import org.remixstudio.engine.sbom.CycloneDxWriter;
import org.remixstudio.engine.sbom.ImageSbom;
import org.remixstudio.engine.sbom.ImageSbomAssembler;
import org.remixstudio.engine.sbom.SbomLicense;
import org.remixstudio.engine.sbom.SbomRelease;
import org.remixstudio.engine.sbom.SpdxWriter;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.CachedRelease;
import org.remixstudio.engine.repo.RepositoryCache;
import org.remixstudio.engine.repo.SuiteStatus;
import org.remixstudio.engine.repo.SuiteTarget;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.run.QemuLauncher;
import org.remixstudio.engine.spec.LockCheck;
import org.remixstudio.engine.spec.LockedLayer;
import org.remixstudio.engine.spec.LockedPackage;
import org.remixstudio.engine.spec.ReleaseDigest;
import org.remixstudio.engine.spec.RemixLock;
import org.remixstudio.engine.spec.RemixLockReader;
import org.remixstudio.engine.spec.RemixLockWriter;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecFiles;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.spec.RemixSpecWriter;
import org.remixstudio.engine.repo.RepositoryCatalogLoader;
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
    private final SpecSources specSources;

    public RemixEngine(EngineSettings settings) {
        this.settings = settings;
        this.specSources = new SpecSources(settings);
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
        return catalogOf(settings, SpecSources.load(settings, progress));
    }

    /**
     * Loads the packages a remix is built from: its sources (the host's or its own), its suite and
     * its architecture, like {@link #loadCatalog(Consumer)} otherwise.
     */
    public PackageCatalog loadCatalog(RemixSpec spec, Consumer<ProgressEvent> progress) {
        EngineSettings specSettings = specSources.settingsFor(spec, List.of());
        return catalogOf(specSettings, SpecSources.load(specSettings, progress));
    }

    private static PackageCatalog catalogOf(EngineSettings settings, LoadedSources loaded) {
        return new PackageCatalog(loaded.catalog(), loaded.baseSuite(), settings, loaded.sources(),
                settings.architecture());
    }

    /**
     * Builds the image a spec describes and writes it as {@code request.output()}: resolves each layer,
     * fetches the packages, builds the base tree and installs each layer on it inside a sandbox, and
     * writes one OCI layer per spec layer (or one with {@code squash}). Unchanged lower layers come
     * from the layer cache. {@code SOURCE_DATE_EPOCH}, or else the spec's {@code timestamp}, fixes every
     * file time and the creation time. Interrupting the calling thread cancels it; a failed or
     * cancelled build leaves no output and no work directory. With {@code request.lock()} the build
     * installs exactly the locked package set or fails before fetching anything, listing what moved.
     *
     * @param progress receives {@code release}, {@code fetch}, {@code unpack}, {@code configure},
     *                 {@code layer} and {@code export} events
     * @throws EngineException naming the spec field, package, source or file at fault
     */
    public BuildResult build(BuildRequest request, Consumer<ProgressEvent> progress) {
        return build(request, null, progress);
    }

    /**
     * Like {@link #build(BuildRequest, Consumer)}, but builds from {@code catalog} when it was loaded
     * for the same sources, suites and architecture as the build needs, instead of loading a second
     * copy of the package indexes (about 150 MB for bookworm): the studio holds the catalog the user
     * edits with, and building from it builds what the user saw. Any other catalog (another suite,
     * the extra sources of the request) is ignored and the build loads its own, as the other overload.
     *
     * @param catalog a catalog from {@link #loadCatalog}, or {@code null}
     */
    public BuildResult build(BuildRequest request, PackageCatalog catalog, Consumer<ProgressEvent> progress) {
        long t0 = System.nanoTime();
        RemixSpec spec = new RemixSpecReader().read(request.spec());
        boolean disk = request.format().isDisk();
        DiskIds ids = disk ? DiskIds.forSpec(new RemixSpecWriter().sha256(spec)) : null;
        // a VM disk is the remix plus what booting needs, as one more layer and some settings
        VmEssentials essentials = disk ? new VmEssentials(KernelFlavour.fromName(request.kernel()).orElseThrow(() ->
                new EngineException("kernel flavour '" + request.kernel() + "' is not known; use cloud or generic")))
                : null;
        RemixSpec built = disk ? essentials.prepare(spec, ids) : spec;
        EngineSettings buildSettings = specSources.settingsFor(built, request.extraSources());
        List<AptSource> sources = SpecSources.of(buildSettings);
        boolean reuse = catalog != null && catalog.loadedFor(sources, buildSettings.architecture());
        LoadedSources loaded = reuse ? new LoadedSources(catalog.loaded(), catalog.aptSources(), catalog.baseSuite())
                : SpecSources.load(buildSettings, sources, progress);
        if (disk && loaded.catalog().catalog().candidate(essentials.kernel(spec.architecture())).isEmpty()) {
            throw new EngineException("no kernel for " + spec.architecture() + " in the sources of " + request.spec()
                    + ": a VM disk needs " + essentials.kernel(spec.architecture()) + "; try --kernel "
                    + (request.kernel().equals("cloud") ? "generic" : "cloud") + ", or build a container image instead");
        }
        long t1 = System.nanoTime();
        progress.accept(phase("catalog", t1 - t0));
        // the catalog's resolver is for its architecture, the one the sources were loaded for
        Resolver resolver = reuse ? catalog.resolver() : new Resolver(loaded.catalog().catalog(), built.architecture());
        List<LayerPlan> plans = new LayerPlanner(resolver).plan(built);
        progress.accept(phase("resolve", System.nanoTime() - t1));
        if (disk) {
            DiskExport.requireRoomFor(plans, request);
        }
        List<String> warnings = new ArrayList<>();
        if (request.lock() != null) {
            RemixLock locked = new RemixLockReader().read(request.lock());
            List<LayerPlan> specPlans = plans.subList(0, spec.layers().size() + 1);
            warnings.addAll(LockCheck.compare(locked, lockOf(spec, specPlans, loaded))
                    .requireSamePackages(request.lock().toString()));
        }
        Long epoch = sourceDateEpoch(spec);
        long t2 = System.nanoTime();
        SbomRecipe sbom = sbomRecipe(built, loaded,
                imageLicenses(loaded.catalog().catalog(), plans.get(plans.size() - 1).packages(), true, progress));
        progress.accept(phase("licenses", System.nanoTime() - t2));
        Path work = disk ? scratchDirectory() : null;
        try {
            Path treeOutput = disk ? work.resolve("rootfs.tar") : request.output();
            PipelineOptions options = new PipelineOptions(treeOutput, switch (request.format()) {
                case OCI -> OutputFormat.OCI;
                case OCI_DIR -> OutputFormat.OCI_DIR;
                case ROOTFS, QCOW2, RAW, VMDK -> OutputFormat.ROOTFS;
            }, request.squash(), request.tag(), SpecSources.aptLines(loaded.sources()), epoch, sbom,
                    switch (request.layers()) {
                        case GZIP -> LayerTarWriter.Compression.GZIP;
                        case ZSTD -> LayerTarWriter.Compression.ZSTD;
                    });
            ImagePipeline pipeline = new ImagePipeline(loaded.catalog().catalog(),
                    DebFetcher.create(settings.cacheDir().resolve("debs")), new LayerCache(settings.cacheDir()),
                    settings.cacheDir().resolve("work"), new KeptTrees(settings.cacheDir()));
            BuiltImage image = pipeline.build(built, plans, options, progress);
            List<BuildResult.Layer> layers = image.layers().stream().map(l -> new BuildResult.Layer(l.name(),
                    l.packages(), l.added(), l.removed(), l.diffId(), l.size(), l.fromCache())).toList();
            warnings.addAll(image.warnings());
            if (!disk) {
                return new BuildResult(image.output(), image.digest(), image.size(), layers, warnings, image.sboms());
            }
            return new DiskExport(ids).write(built, image, request, epoch, layers, warnings, progress);
        } finally {
            if (work != null) {
                DiskExport.deleteQuietly(work);
            }
        }
    }

    /** A private directory in the cache for a build's intermediate files. */
    private Path scratchDirectory() {
        try {
            return Files.createTempDirectory(Files.createDirectories(settings.cacheDir().resolve("work")), "disk-");
        } catch (IOException e) {
            throw new EngineException("cannot make a work directory in " + settings.cacheDir() + ": " + e.getMessage());
        }
    }

    /** A {@code phase} event: how long one phase of a build took, for {@code remix build --timings}. */
    private static ProgressEvent phase(String name, long nanos) {
        return new ProgressEvent("phase", name + " " + nanos / 1_000_000 + " ms", 1, 1, ProgressEvent.Unit.ITEMS);
    }

    /**
     * Resolves a spec and writes what it resolved to beside it as {@code NAME.remix.lock.json}.
     *
     * @return the lock file written
     * @throws EngineException naming the spec field, package or source at fault
     */
    public Path lock(Path specFile, Consumer<ProgressEvent> progress) {
        RemixSpec spec = new RemixSpecReader().read(specFile);
        LoadedSources loaded = SpecSources.load(specSources.settingsFor(spec, List.of()), progress);
        List<LayerPlan> plans = new LayerPlanner(new Resolver(loaded.catalog().catalog(), spec.architecture()))
                .plan(spec);
        Path target = RemixSpecFiles.lockFileFor(specFile);
        new RemixLockWriter().write(lockOf(spec, plans, loaded), target);
        return target;
    }

    /** What a lock file records for these plans: each layer's added packages and the Release files used. */
    private RemixLock lockOf(RemixSpec spec, List<LayerPlan> plans, LoadedSources loaded) {
        List<LockedLayer> layers = new ArrayList<>();
        for (LayerPlan plan : plans) {
            layers.add(new LockedLayer(plan.name().equals(LayerPlanner.BASE) ? LockedLayer.BASE : plan.name(),
                    plan.added().stream().map(p -> new LockedPackage(p.name(), p.version().toString(),
                            p.architecture(), p.sha256())).toList()));
        }
        List<ReleaseDigest> releases = loaded.catalog().suites().stream()
                .map(s -> new ReleaseDigest(s.uri(), s.suite(), releaseSha256(s))).toList();
        return new RemixLock(RemixSpec.CURRENT_VERSION, new RemixSpecWriter().sha256(spec), releases, layers);
    }

    private static Long sourceDateEpoch(RemixSpec spec) {
        Instant env = LayerTarWriter.sourceDateEpochFromEnvironment();
        if (env != null) {
            return env.getEpochSecond();
        }
        return spec.timestamp().isPresent() ? spec.timestamp().getAsLong() : null;
    }

    private String releaseSha256(SuiteStatus suite) {
        // the Release file just loaded is the newest verified one in the cache
        return new RepositoryCache(settings.cacheDir())
                .release(new SuiteTarget(suite.uri(), suite.suite(), List.of(), null))
                .map(CachedRelease::releaseSha256).orElse("");
    }

    /**
     * The SBOM of the image a spec describes, from its resolution alone (nothing is built or fetched
     * besides the package indexes): every package of the top layer's set with purl, source package,
     * {@code .deb} digest, supplier, license and dependencies, and the signed Release files as
     * references (docs/sbom.md). Licenses come from the license store and the {@code .deb}s already in
     * the package cache; a package neither knows is {@code NOASSERTION}. With the spec's {@code timestamp} (or {@code SOURCE_DATE_EPOCH}) the
     * document is byte-identical from run to run while the archive does not change.
     *
     * @return the document, UTF-8 JSON
     * @throws EngineException naming the spec field, package or source at fault
     */
    public byte[] sbom(Path specFile, SbomFormat format, Consumer<ProgressEvent> progress) {
        RemixSpec spec = new RemixSpecReader().read(specFile);
        LoadedSources loaded = SpecSources.load(specSources.settingsFor(spec, List.of()), progress);
        List<LayerPlan> plans = new LayerPlanner(new Resolver(loaded.catalog().catalog(), spec.architecture()))
                .plan(spec);
        Long epoch = sourceDateEpoch(spec);
        Instant created = Instant.ofEpochSecond(epoch != null ? epoch : Instant.now().getEpochSecond());
        SbomRecipe recipe = sbomRecipe(spec, loaded,
                imageLicenses(loaded.catalog().catalog(), plans.get(plans.size() - 1).packages(), false, progress));
        ImageSbom sbom = recipe.assembler().assemble(spec.name(), "latest", spec.architecture(), created,
                plans.get(plans.size() - 1).packages(), recipe.releases());
        return switch (format) {
            case SPDX -> new SpdxWriter().write(sbom);
            case CYCLONEDX -> new CycloneDxWriter().write(sbom);
        };
    }

    /** How builds and {@link #sbom} describe packages: the distro of the spec's suite, licenses as known. */
    private SbomRecipe sbomRecipe(RemixSpec spec, LoadedSources loaded, Function<BinaryPackage, SbomLicense> licenses) {
        List<SuiteStatus> suites = loaded.catalog().suites();
        SuiteStatus base = suites.stream().filter(s -> s.suite().equals(loaded.baseSuite())).findFirst()
                .orElse(suites.isEmpty() ? null : suites.get(0));
        String distro = base == null ? "debian-" + spec.suite()
                : ImageSbomAssembler.distro(base.version(), base.codename().isEmpty() ? base.suite() : base.codename());
        String version = RemixEngine.class.getPackage().getImplementationVersion();
        List<SbomRelease> releases = suites.stream()
                .map(s -> new SbomRelease(s.uri(), s.suite(), releaseSha256(s))).toList();
        return new SbomRecipe(new ImageSbomAssembler(distro, version == null ? "development" : version, licenses),
                releases);
    }

    /**
     * Fetches the corresponding source of every binary package of the image a spec describes into
     * {@code directory}: each source package's {@code .dsc} and files, verified against the signed
     * {@code Sources} indexes of the spec's archives, laid out like the archive's {@code pool/}, plus
     * {@code source-bundle.json} mapping each binary to its source (docs/sbom.md). Files already there
     * and verified are kept, so an interrupted run resumes. Interrupting the calling thread cancels it.
     *
     * @param allowMissing bundle what is found and list the binaries without a source, instead of failing
     * @param progress     receives {@code release}, {@code fetch}, {@code parse} and {@code source} events
     * @throws EngineException naming the binary and source not found, or the file and URL whose hash
     *                         does not match
     */
    public SourceBundleResult sourceBundle(Path specFile, Path directory, boolean allowMissing,
                                           Consumer<ProgressEvent> progress) {
        RemixSpec spec = new RemixSpecReader().read(specFile);
        EngineSettings specSettings = specSources.settingsFor(spec, List.of());
        LoadedSources loaded = SpecSources.load(specSettings, progress);
        List<LayerPlan> plans = new LayerPlanner(new Resolver(loaded.catalog().catalog(), spec.architecture()))
                .plan(spec);
        List<BinaryPackage> binaries = plans.get(plans.size() - 1).packages();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        binaries.forEach(b -> wanted.add(b.source()));
        List<SourcePackage> sources = RepositoryCatalogLoader
                .create(new SystemSources(specSettings.systemRoot()), specSettings.cacheDir())
                .loadSources(loaded.sources(), wanted::contains, specSettings.offline(), specSettings.maxCacheAge(),
                        progress);
        SourceBundleReport report = new SourceBundler(Fetcher.createDefault(), SOURCE_DOWNLOADS)
                .bundle(new SourceMatcher(sources).match(binaries), directory, allowMissing, progress);
        return new SourceBundleResult(report.directory(), report.index(), report.binaries(), report.sources(),
                report.filesFetched(), report.filesKept(), report.bytesFetched(), report.missing());
    }

    /** Source files fetched at once: enough to fill a link, few enough to be polite to a mirror. */
    private static final int SOURCE_DOWNLOADS = 4;

    /**
     * The QEMU command that boots an exported disk image with UEFI firmware, KVM when it works here
     * (else software emulation), the disk on virtio and the serial console on standard input/output.
     *
     * @param architecture the image's Debian architecture ({@code amd64}, {@code arm64})
     * @param snapshot     discard what the guest writes (the image stays as built, so copies made
     *                     later still get their own first boot)
     * @param sshPort      a host port forwarded to the guest's port 22, or {@code null}
     * @throws EngineException when the image, the emulator or the firmware is missing, saying what
     *                         to install
     */
    public BootCommand prepareBoot(Path image, String architecture, int memoryMib, boolean snapshot, Integer sshPort) {
        QemuLauncher.Prepared boot = new QemuLauncher(settings.systemRoot()).prepare(image, architecture,
                new QemuLauncher.Options(memoryMib, 2, snapshot, sshPort), settings.cacheDir().resolve("vm"));
        return new BootCommand(boot.command(), boot.kvm(), boot.varsFile());
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
        LoadedSources loaded = SpecSources.load(specSources.settingsFor(remix, List.of()), progress);
        return new LicenseReports(settings, loaded.catalog().catalog()).report(remix, policyOrNull, progress);
    }

    /**
     * The licenses of an image's packages for its SBOMs: from the license store, reading the copyright files
     * of the others; with {@code fetch} false only from {@code .deb}s already in the package cache (the rest
     * stay unknown, {@code NOASSERTION}).
     */
    private Function<BinaryPackage, SbomLicense> imageLicenses(Catalog catalog, List<BinaryPackage> packages,
                                                               boolean fetch, Consumer<ProgressEvent> progress) {
        try (LicenseScanning.Open scanning = LicenseScanning.open(fetch ? settings : settings.withOffline(true),
                catalog)) {
            return SbomLicenses.of(scanning.scanner().scan(packages, progress));
        }
    }

    /**
     * What an edit of one layer would do to the remix a spec file describes (see
     * {@link PackageCatalog#impact}), with the catalog loaded for the spec, and its licenses once every
     * copyright file involved is read ({@link PackageCatalog#licenseImpact}).
     *
     * @param layer        a spec layer's name, or its number counted from 1 in spec order
     * @param policyOrNull a license policy file (docs/licenses.md), or {@code null} for no findings
     * @throws EngineException for an unknown layer or package, or an edit that cannot be resolved
     */
    public ImpactReport impact(Path specFile, String layer, List<String> add, List<String> remove, Path policyOrNull,
            Consumer<ProgressEvent> progress) {
        RemixSpec spec = new RemixSpecReader().read(specFile);
        String name = layer;
        if (layer.matches("\\d+")) {
            int n = Integer.parseInt(layer);
            if (n < 1 || n > spec.layers().size()) {
                throw new EngineException(specFile + " has " + spec.layers().size() + " layers; --layer " + layer
                        + " must be between 1 and " + spec.layers().size() + ", or a layer's name");
            }
            name = spec.layers().get(n - 1).name();
        }
        PackageCatalog catalog = loadCatalog(spec, progress);
        Impact impact = catalog.impact(spec, new LayerEdit(name, add, remove));
        List<LicenseImpact> last = new ArrayList<>();
        catalog.licenseImpact(impact, policyOrNull, snapshot -> {
            last.clear();
            last.add(snapshot);
        }, progress);
        return new ImpactReport(impact, last.get(0));
    }
}
