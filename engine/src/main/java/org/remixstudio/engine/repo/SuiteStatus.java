package org.remixstudio.engine.repo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of loading one URI and suite, for {@code remix sources} and the app's source view.
 *
 * @param uri         the archive URI
 * @param suite       the suite as written in the source (after a suite override)
 * @param codename    the Release file's {@code Codename}
 * @param version     the Release file's {@code Version} (e.g. {@code 12.8}), empty when it has none
 * @param origin      the Release file's {@code Origin} (may be empty)
 * @param components  the components read
 * @param signature   how the Release file was accepted
 * @param releaseDate the Release file's {@code Date}, or {@code null}
 * @param validUntil  its {@code Valid-Until}, or {@code null}
 * @param fetchedAt   when that Release file was fetched and verified
 * @param fromCache   true when this load did not fetch the Release file (offline, or the network failed)
 * @param packages    package entries read from this suite
 * @param warnings    things apt would warn about (e.g. a component the Release does not have)
 */
public record SuiteStatus(
        String uri,
        String suite,
        String codename,
        String version,
        String origin,
        List<String> components,
        SignatureStatus signature,
        Instant releaseDate,
        Instant validUntil,
        Instant fetchedAt,
        boolean fromCache,
        int packages,
        List<String> warnings) {

    public SuiteStatus {
        components = List.copyOf(components);
        warnings = List.copyOf(warnings);
    }

    /** How old the data is at {@code now}: the time since the Release file was fetched. */
    public Duration cacheAge(Instant now) {
        return Duration.between(fetchedAt, now);
    }
}
