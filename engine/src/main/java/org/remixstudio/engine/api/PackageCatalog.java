package org.remixstudio.engine.api;

import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.remixstudio.engine.build.vm.DiskIds;
import org.remixstudio.engine.build.vm.KernelFlavour;
import org.remixstudio.engine.build.vm.VmEssentials;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.CatalogSearch;
import org.remixstudio.engine.catalog.CloseMatches;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.LicenseScanner;
import org.remixstudio.engine.license.policy.LicensePolicy;
import org.remixstudio.engine.license.policy.LicensePolicyReader;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.LoadedCatalog;
import org.remixstudio.engine.repo.SuiteStatus;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.resolve.ResolutionCache;
import org.remixstudio.engine.resolve.ResolvedPackage;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecWriter;

/**
 * A loaded, verified catalog: search it, look packages up, resolve requests against it.
 * Immutable and thread-safe; the search index and the resolver are built once, on first use.
 */
public final class PackageCatalog {

    /** How often, at most, {@link #licenseImpact} hands over a snapshot while copyright files are read. */
    private static final long SNAPSHOT_INTERVAL_NANOS = 50_000_000L;

    /** Closes a catalog's license store once the catalog is no longer used (the studio replaces catalogs). */
    private static final Cleaner STORES = Cleaner.create();

    private final Catalog catalog;
    private final List<SourceStatus> sources;
    private final String baseSuite;
    private final EngineSettings settings;
    private volatile LicenseScanning.Open licenseScanning;
    /** What the catalog was loaded from, for a build to reuse it (see {@link #loadedFor}). */
    private final LoadedCatalog loaded;
    private final List<AptSource> aptSources;
    private final String loadedArchitecture;
    private volatile CatalogSearch search;
    private volatile Resolver resolver;
    private volatile RemixPlanner planner;

    /** A catalog of no known sources (a build never reuses it), with the default settings. */
    PackageCatalog(LoadedCatalog loaded, String baseSuite) {
        this(loaded, baseSuite, EngineSettings.defaults(), List.of(), null);
    }

    /**
     * @param settings the settings the catalog was loaded with: where the license store and the package
     *                 cache are, and whether the network may be used
     */
    PackageCatalog(LoadedCatalog loaded, String baseSuite, EngineSettings settings) {
        this(loaded, baseSuite, settings, List.of(), null);
    }

    PackageCatalog(LoadedCatalog loaded, String baseSuite, EngineSettings settings, List<AptSource> aptSources,
                   String loadedArchitecture) {
        this.catalog = loaded.catalog();
        this.sources = loaded.suites().stream().map(PackageCatalog::status).toList();
        this.baseSuite = baseSuite;
        this.settings = settings;
        this.loaded = loaded;
        this.aptSources = List.copyOf(aptSources);
        this.loadedArchitecture = loadedArchitecture;
    }

    /** The settings this catalog was loaded with. */
    public EngineSettings settings() {
        return settings;
    }

    /** Whether the catalog was loaded from exactly these sources (after the suite override) for this architecture. */
    boolean loadedFor(List<AptSource> wanted, String architecture) {
        return !aptSources.isEmpty() && aptSources.equals(wanted) && architecture != null
                && architecture.equals(loadedArchitecture);
    }

    LoadedCatalog loaded() {
        return loaded;
    }

    List<AptSource> aptSources() {
        return aptSources;
    }

    String baseSuite() {
        return baseSuite;
    }

    private static SourceStatus status(SuiteStatus s) {
        return new SourceStatus(s.uri(), s.suite(), s.codename(), String.join(" ", s.components()), s.origin(),
                s.signature().describe(), s.releaseDate(), s.fetchedAt(), s.fromCache(), s.packages());
    }

    /** The sources and suites read, with their signature status and age. */
    public List<SourceStatus> sources() {
        return sources;
    }

    public String architecture() {
        return catalog.nativeArchitecture();
    }

    /** Number of distinct package names. */
    public int size() {
        return catalog.nameCount();
    }

    /**
     * Ranked search by name and description: exact name, then name prefix, then name substring,
     * then description words. Fast enough to run on every keystroke.
     */
    public List<PackageSummary> search(String text, int limit) {
        return searchIndex().search(text, limit).stream()
                .map(hit -> PackageDetailsMapper.summary(hit.pkg()))
                .toList();
    }

    /** Package names spelt like {@code name} (a typo, a missing letter), closest first; for hints. */
    public List<String> closeMatches(String name, int limit) {
        return CloseMatches.nearest(name, catalog.names(), limit);
    }

    /** Every field of the package's candidate version, with reverse dependencies. */
    public Optional<PackageDetails> show(String name) {
        return catalog.candidate(name).map(p -> PackageDetailsMapper.details(catalog, p));
    }

    /**
     * Resolves a request the way apt would (mmdebstrap's variants, {@code --no-install-recommends}
     * unless asked).
     *
     * @throws EngineException for unknown packages or variants, refused removals and unsatisfiable
     *                         requests, naming the chain that breaks
     */
    public Resolution resolve(ResolveRequest request) {
        BaseVariant variant;
        try {
            variant = BaseVariant.parse(request.variant());
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage());
        }
        var internal = new org.remixstudio.engine.resolve.ResolveRequest(variant, baseSuite, request.add(),
                request.remove(), request.recommends());
        var result = resolver().resolve(internal);
        List<ResolvedPackageInfo> packages = result.packages().stream().map(PackageCatalog::info).toList();
        List<String> notes = result.removed().stream().map(r -> r.name() + ": " + r.why()).toList();
        long installed = result.packages().stream().mapToLong(p -> p.pkg().installedSize()).sum();
        long download = result.packages().stream().mapToLong(p -> p.pkg().size()).sum();
        return new Resolution(packages, notes, installed, download);
    }

    /**
     * Resolves every layer of a remix as a build would, without building: what each layer installs
     * and removes, and the sizes. Resolutions are remembered, so planning the same remix again, or
     * after an edit of its top layer, costs little.
     *
     * @throws EngineException for unknown packages, refused removals and unsatisfiable layers, and
     *                         when the remix is for another architecture than this catalog
     */
    public RemixPlan plan(RemixSpec spec) {
        return planner().plan(spec);
    }

    /**
     * What an edit of one layer would do to a remix: packages added and removed (with reasons and
     * the layer concerned) and the sizes before and after, per layer and in total. Fast enough to
     * run while a package is dragged over a layer.
     *
     * @throws EngineException when the layer does not exist or is the base, or the edited remix
     *                         cannot be resolved (naming the chain that breaks)
     */
    public Impact impact(RemixSpec spec, LayerEdit edit) {
        return planner().impact(spec, edit);
    }

    /**
     * What a VM disk export adds on top of a remix: the {@code vm-essentials} layer (kernel of the
     * flavour, systemd as init, initramfs-tools, systemd-boot, udev, the network stack, the boot's
     * checkers), planned by the build's own layer planner, so it holds only what the remix lacks, with
     * its sizes. The same preparation as {@link RemixEngine#build} for a disk format.
     *
     * @param kernelFlavour {@code cloud} or {@code generic}
     * @throws EngineException for an unknown flavour, a kernel the catalog does not have for the remix's
     *                         architecture, or a remix that cannot be resolved
     */
    public PlannedLayer vmEssentials(RemixSpec spec, String kernelFlavour) {
        KernelFlavour flavour = KernelFlavour.fromName(kernelFlavour).orElseThrow(() -> new EngineException(
                "kernel flavour '" + kernelFlavour + "' is not known; use cloud or generic"));
        VmEssentials essentials = new VmEssentials(flavour);
        String kernel = essentials.kernel(spec.architecture());
        if (catalog.candidate(kernel).isEmpty()) {
            throw new EngineException("no kernel for " + spec.architecture() + " in this catalog: a VM disk needs "
                    + kernel + "; choose the " + (flavour == KernelFlavour.CLOUD ? "generic" : "cloud")
                    + " kernel flavour, or export a container image instead");
        }
        RemixSpec prepared = essentials.prepare(spec, DiskIds.forSpec(new RemixSpecWriter().sha256(spec)));
        List<PlannedLayer> layers = plan(prepared).layers();
        return layers.get(layers.size() - 1);
    }

    /**
     * The licenses already in the license store (docs/licenses.md) of those packages, by package name;
     * packages whose source version was never read are absent. Reads no {@code .deb} and no network, so it
     * answers at once (a 600-package image in a few tens of milliseconds): for catalog rows and the layer
     * stack's license stripes. A package the catalog lacks in that version is absent too.
     *
     * @param packages packages of a plan, or catalog rows (then {@code layer} may be empty)
     */
    public Map<String, PackageLicenseInfo> knownLicenses(Collection<PlannedPackage> packages) {
        Map<BinaryPackage, PlannedPackage> binaries = binaries(packages);
        LicenseScanning.Open open = licenseScanning();
        LicenseCategories categories = LicenseCategories.bundled();
        Map<String, PackageLicenseInfo> out = new LinkedHashMap<>();
        open.scanner().known(binaries.keySet()).forEach((pkg, l) ->
                out.put(pkg.name(), LicenseInfos.info(l, binaries.get(pkg).layer(), categories)));
        return out;
    }

    /**
     * The licenses of those packages: the known ones at once, then each other one as its copyright file
     * is read (fetching its {@code .deb} into the shared verified package cache when needed) and stored.
     * Every package gets exactly one answer; one that cannot be read or fetched is {@code unknown} with the
     * reason (a fetch failure is not stored, so a later call tries again). Blocks until all are known.
     *
     * @param each     receives each package's license on the calling thread
     * @param progress receives {@code licenses} events counting the source packages read
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
     */
    public void licenses(Collection<PlannedPackage> packages, Consumer<PackageLicenseInfo> each,
                         Consumer<ProgressEvent> progress) {
        checkCancelled();
        Map<BinaryPackage, PlannedPackage> binaries = binaries(packages);
        LicenseCategories categories = LicenseCategories.bundled();
        for (PlannedPackage p : packages) {
            if (!binaries.containsValue(p)) {
                each.accept(notInCatalog(p));
            }
        }
        LicenseScanner scanner = licenseScanning().scanner();
        scanner.known(binaries.keySet()).forEach((pkg, l) ->
                each.accept(LicenseInfos.info(l, binaries.get(pkg).layer(), categories)));
        scanner.scanMissing(binaries.keySet(), l -> each.accept(LicenseInfos.info(l, binaries.get(l.pkg()).layer(),
                categories)), progress);
    }

    /**
     * The license side of an edit's {@link Impact}, streamed: a first snapshot at once from the license
     * store (the packages not read yet counted in {@link LicenseImpact#pending()}), then a new one as
     * copyright files are read (at most every 50 ms), and a last one with {@code pending == 0}. Licenses
     * entering and leaving, packages per category before and after, and, with a policy, its findings among
     * the packages the edit brings in, each with its layer and dependency chain.
     *
     * @param impact       what {@link #impact} answered for the edit
     * @param policyOrNull a license policy file (docs/licenses.md), or {@code null} for no findings
     * @param updates      receives the snapshots on the calling thread
     * @param progress     receives {@code licenses} events counting the source packages read
     * @throws EngineException naming the policy file and JSON path when the policy is broken
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted (the user
     *                                                    dragged on); no snapshot follows
     */
    public void licenseImpact(Impact impact, Path policyOrNull, Consumer<LicenseImpact> updates,
                              Consumer<ProgressEvent> progress) {
        checkCancelled();
        LicenseScanning.Open open = licenseScanning();
        LicensePolicy policy = policyOrNull == null ? null : new LicensePolicyReader(open.list()).read(policyOrNull);
        List<PlannedPackage> before = impact.before().packages();
        List<PlannedPackage> after = impact.after().packages();
        Map<BinaryPackage, PlannedPackage> binaries = binaries(concat(before, after));
        Map<PlannedPackage, BinaryPackage> entryOf = new HashMap<>();
        binaries.forEach((b, p) -> entryOf.put(p, b));
        java.util.function.Function<List<PlannedPackage>, List<LicenseImpactTracker.Entry>> entries = list ->
                list.stream().map(p -> new LicenseImpactTracker.Entry(p, entryOf.get(p))).toList();
        LicenseImpactTracker tracker = new LicenseImpactTracker(entries.apply(before), entries.apply(after),
                entries.apply(impact.added()), LicenseCategories.bundled(), policy,
                p -> planner().chain(impact.after(), p));
        LicenseScanner scanner = open.scanner();
        tracker.putAll(scanner.known(tracker.packages()).values());
        updates.accept(tracker.snapshot());
        if (tracker.pending() == 0) {
            return;
        }
        long[] last = {System.nanoTime()};
        scanner.scanMissing(tracker.packages(), tracker::put, event -> {
            progress.accept(event);
            long now = System.nanoTime();
            if (event.done() > 0 && event.done() < event.total() && now - last[0] >= SNAPSHOT_INTERVAL_NANOS) {
                last[0] = now;
                updates.accept(tracker.snapshot());
            }
        });
        if (tracker.pending() > 0) {
            // read by another process between the two store lookups: scanMissing counted them as known
            tracker.putAll(scanner.known(tracker.packages()).values());
        }
        updates.accept(tracker.snapshot());
    }

    private static List<PlannedPackage> concat(List<PlannedPackage> a, List<PlannedPackage> b) {
        List<PlannedPackage> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("reading licenses was cancelled");
        }
    }

    /** The catalog entries of planned packages (by name, version and, when given, architecture). */
    private Map<BinaryPackage, PlannedPackage> binaries(Collection<PlannedPackage> packages) {
        Map<BinaryPackage, PlannedPackage> out = new LinkedHashMap<>();
        for (PlannedPackage p : packages) {
            for (BinaryPackage b : catalog.versions(p.name())) {
                if (b.version().toString().equals(p.version())
                        && (p.architecture().isEmpty() || b.architecture().equals(p.architecture()))) {
                    out.putIfAbsent(b, p);
                    break;
                }
            }
        }
        return out;
    }

    private static PackageLicenseInfo notInCatalog(PlannedPackage p) {
        return new PackageLicenseInfo(p.name(), p.version(), p.architecture(), p.layer(), p.source(),
                p.sourceVersion(), LicenseImpactTracker.NOASSERTION, "unknown", "unknown", List.of(),
                p.name() + " " + p.version() + " is not in the loaded catalog; reload it", false);
    }

    private LicenseScanning.Open licenseScanning() {
        LicenseScanning.Open l = licenseScanning;
        if (l == null) {
            synchronized (this) {
                if (licenseScanning == null) {
                    LicenseScanning.Open opened = LicenseScanning.open(settings, catalog);
                    STORES.register(this, opened::close);
                    licenseScanning = opened;
                }
                l = licenseScanning;
            }
        }
        return l;
    }

    private RemixPlanner planner() {
        RemixPlanner p = planner;
        if (p == null) {
            synchronized (this) {
                if (planner == null) {
                    planner = new RemixPlanner(new ResolutionCache(resolver(), 256), architecture());
                }
                p = planner;
            }
        }
        return p;
    }

    private static ResolvedPackageInfo info(ResolvedPackage rp) {
        BinaryPackage p = rp.pkg();
        return new ResolvedPackageInfo(p.name(), p.version().toString(), p.architecture(), p.installedSize(),
                p.size(), rp.reason().describe());
    }

    private CatalogSearch searchIndex() {
        CatalogSearch s = search;
        if (s == null) {
            synchronized (this) {
                if (search == null) {
                    search = new CatalogSearch(catalog);
                }
                s = search;
            }
        }
        return s;
    }

    /** The resolver for the catalog's native architecture, built once and shared by every caller. */
    Resolver resolver() {
        Resolver r = resolver;
        if (r == null) {
            synchronized (this) {
                if (resolver == null) {
                    resolver = new Resolver(catalog);
                }
                r = resolver;
            }
        }
        return r;
    }
}
