package org.remixstudio.engine.api;

import java.time.Instant;

/**
 * The state of one configured source and suite after loading: where it is, whether its signature
 * held, and how fresh the data is.
 *
 * @param signature    e.g. {@code good signature by 0x6ED0E7B82643E131 (Debian Archive …)} or
 *                     {@code trusted=yes (not checked)}
 * @param releaseDate  the {@code Date} of the Release file, or {@code null}
 * @param fetchedAt    when the Release was last fetched and verified
 * @param fromCache    true when this run did not reach the network for it
 * @param packages     number of package entries read from it
 */
public record SourceStatus(
        String uri,
        String suite,
        String codename,
        String components,
        String origin,
        String signature,
        Instant releaseDate,
        Instant fetchedAt,
        boolean fromCache,
        int packages) {
}
