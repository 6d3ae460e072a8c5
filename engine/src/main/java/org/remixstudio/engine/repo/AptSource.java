package org.remixstudio.engine.repo;

import java.util.List;
import java.util.Objects;

/**
 * One source entry of {@code sources.list(5)}: a deb822 stanza or a one-line entry. A deb822 stanza
 * may name several URIs and suites; {@link #suiteTargets()} expands them into the (URI, suite) pairs
 * that each have one Release file.
 *
 * @param types           {@code deb} and/or {@code deb-src}
 * @param uris            archive roots, each ending in {@code /}
 * @param suites          suites or codenames; a suite ending in {@code /} is an exact path (flat repository)
 * @param components      e.g. {@code main}; empty exactly for flat repositories
 * @param signedBy        the keys allowed to sign, or {@link SignedBy#NONE}
 * @param architectures   the {@code arch=} restriction, empty when none
 * @param trusted         {@code trusted=yes}: accept the source even without a valid signature
 * @param checkValidUntil {@code check-valid-until}, true unless switched off
 * @param location        where the entry was written
 */
public record AptSource(
        List<String> types,
        List<String> uris,
        List<String> suites,
        List<String> components,
        SignedBy signedBy,
        List<String> architectures,
        boolean trusted,
        boolean checkValidUntil,
        SourceLocation location) {

    public AptSource {
        types = List.copyOf(types);
        uris = uris.stream().map(AptSource::withSlash).toList();
        suites = List.copyOf(suites);
        components = List.copyOf(components);
        Objects.requireNonNull(signedBy, "signedBy");
        architectures = List.copyOf(architectures);
        Objects.requireNonNull(location, "location");
    }

    private static String withSlash(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** Whether the entry describes binary packages ({@code Types: deb}). */
    public boolean isBinary() {
        return types.contains("deb");
    }

    /** Whether the entry is restricted to architectures that exclude {@code arch}. */
    public boolean excludesArchitecture(String arch) {
        return !architectures.isEmpty() && !architectures.contains(arch);
    }

    /** The same source with other suites (used by {@link SuiteOverride}). */
    public AptSource withSuites(List<String> newSuites) {
        return new AptSource(types, uris, newSuites, components, signedBy, architectures, trusted,
                checkValidUntil, location);
    }

    /** Each URI × suite of the entry, in the order written. */
    public List<SuiteTarget> suiteTargets() {
        return uris.stream()
                .flatMap(u -> suites.stream().map(s -> new SuiteTarget(u, s, components, this)))
                .toList();
    }
}
