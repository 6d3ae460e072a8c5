package org.remixstudio.engine.spec;

import java.util.List;

/**
 * Where packages come from: either the host's own apt sources ({@code "sources": "system"}, the
 * default) or an explicit list of entries.
 *
 * @param system  whether the host's apt sources are used; then {@code entries} is empty
 * @param entries the explicit entries, in spec order, when {@code system} is false
 */
public record SourcesSpec(boolean system, List<SourceSpec> entries) {

    /** The host's apt sources. */
    public static final SourcesSpec SYSTEM = new SourcesSpec(true, List.of());

    public SourcesSpec {
        entries = List.copyOf(entries);
        if (system && !entries.isEmpty()) {
            throw new IllegalArgumentException("system sources take no explicit entries");
        }
    }

    public static SourcesSpec explicit(List<SourceSpec> entries) {
        return new SourcesSpec(false, entries);
    }
}
