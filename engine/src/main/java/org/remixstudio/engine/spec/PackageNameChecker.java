package org.remixstudio.engine.spec;

import org.remixstudio.engine.catalog.CloseMatches;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.CatalogSearch;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.SearchHit;
import org.remixstudio.engine.catalog.SearchRank;

/**
 * Checks the package names of a spec's layers against the catalog it will be built from, before
 * any download: a misspelt name ({@code ngnix}), a pinned version the archive no longer has, or a
 * virtual name with several providers would otherwise only fail deep inside resolution. Each problem
 * names the JSON path of the item and offers the closest real names: first those at the smallest edit
 * distance (typos), then {@link CatalogSearch} name matches (a partial name like {@code exim4} for
 * {@code exim4-daemon-light}).
 */
public final class PackageNameChecker {

    private static final int SUGGESTIONS = 3;

    private final Catalog catalog;
    private CatalogSearch search;

    /** The search index is built on the first unknown name. */
    public PackageNameChecker(Catalog catalog) {
        this(catalog, null);
    }

    /** Reuses a search index built already (the app keeps one for search-as-you-type). */
    public PackageNameChecker(Catalog catalog, CatalogSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    /** Problems with line and column in the spec's file; empty when every name is known. */
    public List<SpecProblem> check(LoadedSpec loaded) {
        return check(loaded.spec(), loaded::problemAt);
    }

    /** Problems without line and column (for a spec made in code); empty when every name is known. */
    public List<SpecProblem> check(RemixSpec spec) {
        return check(spec, (path, message) -> new SpecProblem(path, 0, 0, message));
    }

    /** Throws a {@link SpecFormatException} listing every unknown name, if there is one. */
    public void requireKnownPackages(LoadedSpec loaded) {
        List<SpecProblem> problems = check(loaded);
        if (!problems.isEmpty()) {
            throw new SpecFormatException(loaded.source(), problems);
        }
    }

    private List<SpecProblem> check(RemixSpec spec, BiFunction<String, String, SpecProblem> at) {
        String where = "the package catalog (" + spec.suite() + ", " + spec.architecture() + ")";
        List<SpecProblem> problems = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            String layerPath = JsonPaths.element(JsonPaths.member(JsonPaths.ROOT, "layers"), i);
            for (int j = 0; j < layer.add().size(); j++) {
                String problem = addProblem(layer.add().get(j), where);
                if (problem != null) {
                    problems.add(at.apply(JsonPaths.element(JsonPaths.member(layerPath, "add"), j), problem));
                }
            }
            for (int j = 0; j < layer.remove().size(); j++) {
                String problem = removeProblem(layer.remove().get(j), where);
                if (problem != null) {
                    problems.add(at.apply(JsonPaths.element(JsonPaths.member(layerPath, "remove"), j), problem));
                }
            }
        }
        return problems;
    }

    private String addProblem(PackageRef ref, String where) {
        List<BinaryPackage> versions = catalog.versions(ref.name());
        if (!versions.isEmpty()) {
            if (ref.version().isEmpty()) {
                return null;
            }
            DebVersion wanted = DebVersion.parse(ref.version().get());
            if (versions.stream().anyMatch(p -> p.version().compareTo(wanted) == 0)) {
                return null;
            }
            return "'" + ref.name() + "' has no version " + ref.version().get() + " in " + where + "; available: "
                    + String.join(", ", versions.stream().map(p -> p.version().toString()).distinct().toList())
                    + " (or drop '=" + ref.version().get() + "' to take the newest)";
        }
        List<String> providers = providerNames(ref.name());
        if (!providers.isEmpty()) {
            if (ref.version().isPresent()) {
                return "'" + ref.name() + "' is a virtual package, it has no versions: name a real package provided"
                        + " as it, one of " + String.join(", ", providers);
            }
            return providers.size() == 1 ? null
                    : "'" + ref.name() + "' is a virtual package provided by " + String.join(", ", providers)
                            + ": name the one you want";
        }
        return unknown(ref.name(), where, "");
    }

    private String removeProblem(String name, String where) {
        if (!catalog.versions(name).isEmpty()) {
            return null;
        }
        List<String> providers = providerNames(name);
        if (!providers.isEmpty()) {
            return "'" + name + "' is a virtual package: remove the real package that provides it, one of "
                    + String.join(", ", providers);
        }
        return unknown(name, where, " so it cannot be installed to remove");
    }

    private List<String> providerNames(String virtualName) {
        Set<String> names = new LinkedHashSet<>();
        catalog.providers(virtualName).forEach(p -> names.add(p.name()));
        return List.copyOf(names);
    }

    private String unknown(String name, String where, String consequence) {
        Set<String> suggestions = new LinkedHashSet<>(CloseMatches.nearest(name, catalog.names(), SUGGESTIONS));
        if (suggestions.size() < SUGGESTIONS) {
            for (SearchHit hit : search().search(name, SUGGESTIONS)) {
                if (hit.rank() != SearchRank.DESCRIPTION && hit.rank() != SearchRank.LONG_DESCRIPTION
                        && suggestions.size() < SUGGESTIONS) {
                    suggestions.add(hit.pkg().name());
                }
            }
        }
        String hint = suggestions.isEmpty()
                ? "; look for it with `remix search " + name + "`"
                : CloseMatches.hint(List.copyOf(suggestions));
        return "no package '" + name + "' in " + where + (consequence.isEmpty() ? "" : "," + consequence) + hint;
    }

    private synchronized CatalogSearch search() {
        if (search == null) {
            search = new CatalogSearch(catalog);
        }
        return search;
    }
}
