package org.remixstudio.engine.api;

import java.util.List;
import java.util.Optional;
import org.remixstudio.engine.build.vm.DiskIds;
import org.remixstudio.engine.build.vm.KernelFlavour;
import org.remixstudio.engine.build.vm.VmEssentials;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.CatalogSearch;
import org.remixstudio.engine.catalog.CloseMatches;
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

    private final Catalog catalog;
    private final List<SourceStatus> sources;
    private final String baseSuite;
    /** What the catalog was loaded from, for a build to reuse it (see {@link #loadedFor}). */
    private final LoadedCatalog loaded;
    private final List<AptSource> aptSources;
    private final String loadedArchitecture;
    private volatile CatalogSearch search;
    private volatile Resolver resolver;
    private volatile RemixPlanner planner;

    /** A catalog of no known sources: a build never reuses it. */
    PackageCatalog(LoadedCatalog loaded, String baseSuite) {
        this(loaded, baseSuite, List.of(), null);
    }

    PackageCatalog(LoadedCatalog loaded, String baseSuite, List<AptSource> aptSources, String loadedArchitecture) {
        this.catalog = loaded.catalog();
        this.sources = loaded.suites().stream().map(PackageCatalog::status).toList();
        this.baseSuite = baseSuite;
        this.loaded = loaded;
        this.aptSources = List.copyOf(aptSources);
        this.loadedArchitecture = loadedArchitecture;
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
