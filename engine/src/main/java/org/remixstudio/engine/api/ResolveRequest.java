package org.remixstudio.engine.api;

import java.util.List;

/**
 * What to resolve: a base variant and the user's edits.
 *
 * @param variant    {@code none}, {@code essential}, {@code minbase}, {@code important} or {@code standard}
 * @param add        packages to add, each {@code name} or {@code name=version}
 * @param remove     packages to remove
 * @param recommends install Recommends too (off by default, like image builders)
 */
public record ResolveRequest(String variant, List<String> add, List<String> remove, boolean recommends) {

    public ResolveRequest {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    public static ResolveRequest of(String variant) {
        return new ResolveRequest(variant, List.of(), List.of(), false);
    }
}
