package org.remixstudio.engine.repo;

import java.time.Instant;
import java.util.List;

/**
 * A Release file whose signature was accepted (now or, for a cached one, when it was fetched).
 *
 * @param releaseSha256 SHA-256 of the {@code InRelease} or {@code Release} file as fetched
 * @param fromCache     true when this load did not fetch it
 * @param warnings      what apt would warn about
 */
record VerifiedRelease(SuiteTarget target, ReleaseFile release, String releaseSha256, SignatureStatus signature,
                       Instant fetchedAt, boolean fromCache, List<String> warnings) {
}
