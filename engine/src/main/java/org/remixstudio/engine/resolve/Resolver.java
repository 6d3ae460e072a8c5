package org.remixstudio.engine.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.CloseMatches;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.resolve.PackageUniverse.Dep;
import org.remixstudio.engine.resolve.PackageUniverse.Prv;
import org.remixstudio.engine.resolve.PackageUniverse.Ver;

/**
 * Works out exactly the package set apt (2.6) installs for a request, the way mmdebstrap drives it:
 * one apt call for the Essential set of the base suite, then one for the requested packages plus
 * the variant's priority set, with the first call's packages installed. Each package comes with its
 * reason. Build one per catalog and architecture and reuse it: building indexes the catalog, each
 * {@link #resolve} is then a few milliseconds.
 */
public final class Resolver {

    private final PackageUniverse universe;
    /** For close-match hints only; its name index is built when the first hint is needed. */
    private final Catalog catalog;

    /** Resolves for the catalog's native architecture. */
    public Resolver(Catalog catalog) {
        this(catalog, catalog.nativeArchitecture());
    }

    public Resolver(Catalog catalog, String architecture) {
        if (!hasArchitecture(catalog, architecture)) {
            Set<String> archs = catalog.all().stream().map(p -> p.architecture()).collect(Collectors.toSet());
            throw new EngineException("the catalog has no packages for architecture '" + architecture
                    + "' (it has " + archs + "); load that architecture's indexes or pick one of those");
        }
        this.universe = new PackageUniverse(catalog, architecture);
        this.catalog = catalog;
    }

    private static boolean hasArchitecture(Catalog catalog, String architecture) {
        List<BinaryPackage> all = catalog.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).architecture().equals(architecture)) {
                return true;
            }
        }
        return false;
    }

    public Resolution resolve(ResolveRequest request) {
        return resolve(request, false);
    }

    /**
     * With {@code dryRun}, the second apt call starts from an empty system, as in
     * {@code mmdebstrap --simulate}, where the Essential packages of the first call were never
     * unpacked; the result is the union of both calls. Only tests use it, to compare with mmdebstrap's
     * dry-run output; a real build has the Essential packages installed before the second call.
     */
    Resolution resolve(ResolveRequest request, boolean dryRun) {
        List<Ver> installs = new ArrayList<>();
        for (String spec : request.install()) {
            installs.add(versionFor(spec));
        }
        Set<Integer> removals = new LinkedHashSet<>();
        for (String name : request.remove()) {
            removals.add(removable(name, request));
        }
        List<RemovedPackage> removedReport = new ArrayList<>();
        if (!removals.isEmpty()) {
            refuseBaseRemovals(request, removals, dryRun);
            for (int r : removals) {
                removedReport.add(new RemovedPackage(universe.name(r), "removed on request"));
            }
        }
        // A requested package that needs a removed one goes too (apt-get remove semantics).
        while (true) {
            Outcome outcome = run(request, installs, removals, dryRun);
            if (outcome.broken.isEmpty()) {
                return outcome.resolution(removedReport);
            }
            List<DependencyChain> chains = new ArrayList<>();
            List<Ver> dropped = new ArrayList<>();
            ChainExplainer explainer = new ChainExplainer(outcome.cache, removals);
            for (int b : brokenRoots(outcome)) {
                DependencyChain chain = explainer.explain(b);
                chains.add(chain);
                if (chain.problem().endsWith("is to be removed")) {
                    installs.stream().filter(v -> v.pkg == b).forEach(dropped::add);
                    removedReport.add(new RemovedPackage(universe.name(b), "needs "
                            + chain.problem().replace(" is to be removed", "") + ", which is removed: " + chain));
                }
            }
            if (dropped.isEmpty() || dropped.size() < chains.size()) {
                throw new UnsatisfiableException(outcome.phase + ": some packages cannot be installed:", chains);
            }
            installs.removeAll(dropped);
        }
    }

    /** The broken packages a person asked for (or the base put in), else every broken one. */
    private List<Integer> brokenRoots(Outcome outcome) {
        List<Integer> roots = outcome.broken.stream().filter(p -> outcome.cache.protect[p]).collect(Collectors.toList());
        return roots.isEmpty() ? outcome.broken : roots;
    }

    private Ver versionFor(String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec.strip() : spec.substring(0, eq).strip();
        int id = universe.id(name);
        if (id < 0 || (universe.versions(id).length == 0 && universe.providers(id).length == 0)) {
            throw new EngineException("package '" + name + "' is not in the catalog for "
                    + universe.architecture() + CloseMatches.hint(CloseMatches.nearest(name, catalog.names(), 3))
                    + "; check the name and the suites and components in use");
        }
        if (eq >= 0) {
            DebVersion wanted;
            try {
                wanted = DebVersion.parse(spec.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new EngineException("request '" + spec + "': " + e.getMessage());
            }
            for (Ver v : universe.versions(id)) {
                if (v.version().compareTo(wanted) == 0) {
                    return v;
                }
            }
            throw new EngineException("version " + wanted + " of '" + name + "' is not in the catalog; available: "
                    + java.util.Arrays.stream(universe.versions(id)).map(v -> v.version().toString())
                            .collect(Collectors.joining(", ")));
        }
        if (universe.versions(id).length > 0) {
            return universe.candidate(id);
        }
        // A purely virtual name: apt picks the provider when there is exactly one.
        Set<Integer> providers = new LinkedHashSet<>();
        for (Prv p : universe.providers(id)) {
            if (universe.candidate(p.owner().pkg) == p.owner()) {
                providers.add(p.owner().pkg);
            }
        }
        if (providers.size() == 1) {
            return universe.candidate(providers.iterator().next());
        }
        throw new EngineException("'" + name + "' is a virtual package provided by "
                + providers.stream().map(universe::name).sorted().collect(Collectors.joining(", "))
                + "; request one of them explicitly");
    }

    private int removable(String name, ResolveRequest request) {
        int id = universe.id(name.strip());
        if (id < 0 || universe.versions(id).length == 0) {
            throw new EngineException("cannot remove '" + name + "': no package of that name is in the catalog");
        }
        if (universe.essential(id)) {
            throw new EngineException("cannot remove '" + name + "': it is Essential, every Debian system needs it");
        }
        return id;
    }

    /** Removing what the base needs would leave a broken system: refuse and say who needs it. */
    private void refuseBaseRemovals(ResolveRequest request, Set<Integer> removals, boolean dryRun) {
        if (!request.variant().hasEssential()) {
            return;
        }
        ResolveRequest base = new ResolveRequest(request.variant(), request.baseSuite(), List.of(), List.of(),
                request.recommends());
        Resolution baseSet = run(base, List.of(), Set.of(), dryRun).resolution(List.of());
        for (int r : removals) {
            String name = universe.name(r);
            if (baseSet.contains(name)) {
                List<String> needers = new ArrayList<>();
                for (ResolvedPackage p : baseSet.packages()) {
                    Ver v = versionOf(p);
                    for (Dep d : v.deps()) {
                        if (d.critical() && !d.negative() && satisfiedBy(d, r)) {
                            needers.add(p.name() + " (" + d.text() + ")");
                            break;
                        }
                    }
                }
                String why = baseSet.find(name).orElseThrow().reason().describe();
                throw new EngineException("cannot remove '" + name + "': the " + request.variant().label()
                        + " base needs it (" + why + ")" + (needers.isEmpty() ? "" : "; needed by " + String.join(", ", needers))
                        + ". Choose a smaller base variant or keep it.");
            }
        }
    }

    private Ver versionOf(ResolvedPackage p) {
        for (Ver v : universe.versions(universe.id(p.name()))) {
            if (v.bp == p.pkg()) {
                return v;
            }
        }
        throw new IllegalStateException("resolved package missing from the universe: " + p.name());
    }

    private boolean satisfiedBy(Dep d, int pkg) {
        if (d.target == pkg) {
            return true;
        }
        for (Prv p : universe.providers(d.target)) {
            if (p.owner().pkg == pkg) {
                return true;
            }
        }
        return false;
    }

    /** The state after both apt calls, or after the first one that left something broken. */
    private final class Outcome {
        final String phase;
        final DepCache cache;
        final List<Integer> broken;
        final DepCache essentialRun;
        final Set<Integer> essentialRequests;
        final Set<Integer> baseRequests;
        final Set<Integer> userRequests;
        final ResolveRequest request;

        Outcome(String phase, DepCache cache, List<Integer> broken, DepCache essentialRun,
                Set<Integer> essentialRequests, Set<Integer> baseRequests, Set<Integer> userRequests,
                ResolveRequest request) {
            this.phase = phase;
            this.cache = cache;
            this.broken = broken;
            this.essentialRun = essentialRun;
            this.essentialRequests = essentialRequests;
            this.baseRequests = baseRequests;
            this.userRequests = userRequests;
            this.request = request;
        }

        Resolution resolution(List<RemovedPackage> removed) {
            return new ReasonFinder(universe, cache, essentialRun, essentialRequests, baseRequests, userRequests,
                    request.variant()).resolution(removed);
        }
    }

    private Outcome run(ResolveRequest request, List<Ver> installs, Set<Integer> removals, boolean dryRun) {
        BaseVariant variant = request.variant();
        DepCache essentialRun = null;
        Ver[] installed = null;
        Set<Integer> essentialRequests = new HashSet<>();
        if (variant.hasEssential()) {
            List<Ver> essentials = new ArrayList<>();
            for (int p : selectBase(request, true)) {
                essentials.add(universe.candidate(p));
                essentialRequests.add(p);
            }
            essentialRun = new DepCache(universe, request.recommends(), null);
            List<Integer> broken = new AptInstallRun(essentialRun).run(List.of(), essentials);
            if (!broken.isEmpty()) {
                return new Outcome("the Essential set of " + suiteLabel(request), essentialRun, broken, essentialRun,
                        essentialRequests, Set.of(), Set.of(), request);
            }
            installed = new Ver[universe.size()];
            for (int p = 0; p < installed.length; p++) {
                if (essentialRun.mode[p] == DepCache.INSTALL) {
                    installed[p] = essentialRun.install[p];
                }
            }
        }
        List<Ver> second = new ArrayList<>(installs);
        Set<Integer> baseRequests = new HashSet<>();
        if (variant.hasPrioritySet()) {
            for (int p : selectBase(request, false)) {
                second.add(universe.candidate(p));
                baseRequests.add(p);
            }
        }
        Set<Integer> userRequests = installs.stream().map(v -> v.pkg).collect(Collectors.toSet());
        baseRequests.removeAll(userRequests);
        if (second.isEmpty() && removals.isEmpty() && essentialRun != null) {
            return new Outcome("", essentialRun, List.of(), essentialRun, essentialRequests, baseRequests,
                    userRequests, request);
        }
        DepCache cache = new DepCache(universe, request.recommends(), dryRun ? null : installed);
        List<Integer> broken = new AptInstallRun(cache).run(new ArrayList<>(removals), second);
        if (dryRun && installed != null) {
            // the union of both calls: what the first one installed counts as kept
            for (int p = 0; p < installed.length; p++) {
                if (installed[p] != null && cache.mode[p] != DepCache.INSTALL) {
                    cache.current[p] = installed[p];
                }
            }
        }
        return new Outcome("the requested packages", cache, broken, essentialRun, essentialRequests, baseRequests,
                userRequests, request);
    }

    private static String suiteLabel(ResolveRequest request) {
        return request.baseSuite() == null ? "the catalog" : request.baseSuite();
    }

    /**
     * The packages mmdebstrap's patterns select, in apt's hash-table order:
     * {@code ?narrow(?or(?archive(^SUITE$),?codename(^SUITE$)),?architecture(ARCH),?essential)} for the
     * first call, and {@code …,?and(?priority(…),?not(?essential)))} for the second. A package
     * matches when one of its versions does; apt then installs its candidate.
     */
    private int[] selectBase(ResolveRequest request, boolean essentialStep) {
        int[] hits = new int[64];
        int count = 0;
        BaseVariant variant = request.variant();
        int n = universe.size();
        for (int p = 0; p < n; p++) {
            if (universe.essential(p) != essentialStep) {
                continue;
            }
            for (Ver v : universe.versions(p)) {
                if ((essentialStep || variant.includesPriority(v.bp.priority())) && inSuite(v, request.baseSuite())) {
                    if (count == hits.length) {
                        hits = java.util.Arrays.copyOf(hits, count * 2);
                    }
                    hits[count++] = p;
                    break;
                }
            }
        }
        return universe.hashOrder(java.util.Arrays.copyOf(hits, count));
    }

    private static boolean inSuite(Ver v, String suite) {
        if (suite == null) {
            return true;
        }
        IndexOrigin o = v.bp.origin();
        return o != null && (suite.equals(o.suite()) || suite.equals(o.codename()));
    }

    /** For tests and benchmarks: the number of names apt's cache would hold. */
    int universeSize() {
        return universe.size();
    }

    static Comparator<ResolvedPackage> byName() {
        return Comparator.comparing(ResolvedPackage::name);
    }
}
