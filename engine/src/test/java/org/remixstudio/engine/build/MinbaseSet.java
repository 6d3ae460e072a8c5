package org.remixstudio.engine.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.repo.AptSource;
import org.remixstudio.engine.repo.RepositoryCatalogLoader;
import org.remixstudio.engine.repo.SuiteOverride;
import org.remixstudio.engine.repo.SystemSources;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.resolve.Reason;
import org.remixstudio.engine.resolve.Resolution;
import org.remixstudio.engine.resolve.ResolveRequest;
import org.remixstudio.engine.resolve.ResolvedPackage;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.testing.RealArchive;

/**
 * The minbase package set of a release from the host's verified apt sources (pointed at that
 * release with {@link SuiteOverride} when it is not the host's own), shared by the archive tests of
 * the builder: the packages, which of them apt would mark as automatically installed, and the
 * one-line sources mmdebstrap is given (and writes into its tree).
 */
final class MinbaseSet {

    static final Path TEST_CACHE = Path.of("/tmp/remix-test-archive");
    static final Path DEB_CACHE = TEST_CACHE.resolve("debs");

    final List<BinaryPackage> packages;
    final Set<String> autoInstalled;
    final List<String> sourceLines;

    private MinbaseSet(List<BinaryPackage> packages, Set<String> autoInstalled, List<String> sourceLines) {
        this.packages = packages;
        this.autoInstalled = autoInstalled;
        this.sourceLines = sourceLines;
    }

    static MinbaseSet load(String release) {
        return load(release, TEST_CACHE.resolve("repo-cache"));
    }

    /** The set, with the verified apt metadata cached in {@code repoCache}. */
    static MinbaseSet load(String release, Path repoCache) {
        SystemSources host = new SystemSources(Path.of("/"));
        List<AptSource> sources = new SuiteOverride(release).apply(host.read());
        Catalog catalog = RepositoryCatalogLoader.create(host, repoCache)
                .load(sources, "amd64", false, e -> { }).catalog();
        Resolver resolver = new Resolver(catalog);
        Resolution minbase = resolver.resolve(ResolveRequest.base(BaseVariant.MINBASE, release));
        Set<String> essential = new TreeSet<>();
        resolver.resolve(ResolveRequest.base(BaseVariant.ESSENTIAL, release)).packages()
                .forEach(p -> essential.add(p.name()));
        // apt marks what its second call pulled in as a dependency; the Essential set is installed by dpkg
        Set<String> auto = new TreeSet<>();
        for (ResolvedPackage p : minbase.packages()) {
            if (p.reason().kind() == Reason.Kind.DEPENDENCY && !essential.contains(p.name())) {
                auto.add(p.name());
            }
        }
        List<String> lines = RealArchive.suites(release).stream()
                .map(s -> "deb " + RealArchive.mirrorFor(s).replaceAll("/$", "") + " " + s + " main").toList();
        return new MinbaseSet(minbase.packages().stream().map(ResolvedPackage::pkg).toList(), auto, lines);
    }
}
