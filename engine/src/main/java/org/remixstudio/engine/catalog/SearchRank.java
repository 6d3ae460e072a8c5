package org.remixstudio.engine.catalog;

/**
 * How a package matched a {@link CatalogSearch} query, best first; results are ordered by it.
 */
public enum SearchRank {
    /** The package name is the (single-word) query. */
    EXACT_NAME,
    /** The name starts with the first query word and contains every word. */
    NAME_PREFIX,
    /** The name contains every query word. */
    NAME_SUBSTRING,
    /** Every word is in the name or the short description, some only in the description. */
    DESCRIPTION,
    /** Some word is found only in the long description. */
    LONG_DESCRIPTION
}
