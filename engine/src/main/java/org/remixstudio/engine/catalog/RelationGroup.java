package org.remixstudio.engine.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** One comma-separated entry of a relationship field: alternatives joined by {@code |}. */
public record RelationGroup(List<PackageRelation> alternatives) {

    public RelationGroup {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("empty alternative list");
        }
    }

    @Override
    public String toString() {
        return alternatives.stream().map(PackageRelation::toString).collect(Collectors.joining(" | "));
    }
}
