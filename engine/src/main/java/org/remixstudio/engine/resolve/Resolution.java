package org.remixstudio.engine.resolve;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The package set apt would install for a request, sorted by name, each with its reason, plus what
 * was left out because of removals.
 */
public record Resolution(List<ResolvedPackage> packages, List<RemovedPackage> removed) {

    public Resolution {
        packages = List.copyOf(packages);
        removed = List.copyOf(removed);
    }

    public Optional<ResolvedPackage> find(String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean contains(String name) {
        return find(name).isPresent();
    }

    /** {@code name version} lines, sorted, as used to compare with apt. */
    public List<String> nameVersions() {
        return packages.stream().map(p -> p.name() + " " + p.version()).collect(Collectors.toList());
    }

    public int size() {
        return packages.size();
    }
}
