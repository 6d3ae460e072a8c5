package org.remixstudio.engine.catalog;

/**
 * One result of a {@link CatalogSearch}: the candidate entry of a package name and how it matched.
 */
public record SearchHit(BinaryPackage pkg, SearchRank rank) {
}
