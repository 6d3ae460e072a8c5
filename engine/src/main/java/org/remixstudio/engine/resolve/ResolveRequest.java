package org.remixstudio.engine.resolve;

import java.util.List;

/**
 * What to resolve: a base variant of a suite, packages to add ({@code name} or {@code name=version}),
 * packages to leave out, and whether Recommends count (off by default, like
 * {@code --no-install-recommends} and mmdebstrap).
 *
 * @param baseSuite the suite whose Essential and Priority packages form the base (mmdebstrap's
 *                  SUITE argument; matched against each index's suite and codename), or
 *                  {@code null} to take them from every loaded suite
 * @param install   packages to add, in the order apt is given them
 * @param remove    packages that must not be installed
 */
public record ResolveRequest(BaseVariant variant, String baseSuite, List<String> install, List<String> remove,
        boolean recommends) {

    public ResolveRequest {
        install = List.copyOf(install);
        remove = List.copyOf(remove);
    }

    /** The base alone. */
    public static ResolveRequest base(BaseVariant variant, String baseSuite) {
        return new ResolveRequest(variant, baseSuite, List.of(), List.of(), false);
    }

    public ResolveRequest withInstall(String... packages) {
        return new ResolveRequest(variant, baseSuite, concat(install, packages), remove, recommends);
    }

    public ResolveRequest withRemove(String... packages) {
        return new ResolveRequest(variant, baseSuite, install, concat(remove, packages), recommends);
    }

    public ResolveRequest withRecommends(boolean on) {
        return new ResolveRequest(variant, baseSuite, install, remove, on);
    }

    private static List<String> concat(List<String> a, String[] b) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }
}
