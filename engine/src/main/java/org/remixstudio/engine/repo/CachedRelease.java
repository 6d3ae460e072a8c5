package org.remixstudio.engine.repo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * What the cache remembers of the newest verified Release of one URI and suite: which blob holds it,
 * when it was fetched and how its signature was judged, so a later start can use it without the
 * network and without checking the signature again.
 *
 * @param uri             the archive URI
 * @param suite           the suite as written in the source
 * @param releaseSha256   the blob holding the {@code InRelease} or {@code Release} file
 * @param signedFile      {@code InRelease}, {@code Release} (with {@code Release.gpg}) or
 *                        {@code Release (unsigned)}
 * @param fetchedAt       when it was fetched and verified
 * @param signature       the signature verdict as it was at that time
 * @param trustBasis      what it was verified against (the keyring and trusted flag); a cached verdict
 *                        is reused only while this is unchanged
 */
public record CachedRelease(String uri, String suite, String releaseSha256, String signedFile,
                            Instant fetchedAt, SignatureStatus signature, String trustBasis) {

    private static final int FORMAT = 1;

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("uri", uri);
        p.setProperty("suite", suite);
        p.setProperty("release.sha256", releaseSha256);
        p.setProperty("release.file", signedFile);
        p.setProperty("fetched", fetchedAt.toString());
        p.setProperty("signature.kind", signature.kind().name());
        p.setProperty("signature.keyId", signature.keyId());
        p.setProperty("signature.fingerprint", signature.fingerprint());
        p.setProperty("signature.userId", signature.userId());
        p.setProperty("signature.detail", signature.detail());
        p.setProperty("trust.basis", trustBasis);
        return p;
    }

    /** Reads a record written by {@link #toProperties()}; empty for a foreign or damaged file. */
    static Optional<CachedRelease> fromProperties(Properties p) {
        try {
            if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) {
                return Optional.empty();
            }
            SignatureStatus sig = new SignatureStatus(
                    SignatureStatus.Kind.valueOf(p.getProperty("signature.kind")),
                    p.getProperty("release.file"),
                    p.getProperty("signature.keyId", ""),
                    p.getProperty("signature.fingerprint", ""),
                    p.getProperty("signature.userId", ""),
                    p.getProperty("signature.detail", ""));
            return Optional.of(new CachedRelease(
                    require(p, "uri"), require(p, "suite"), require(p, "release.sha256"),
                    require(p, "release.file"), Instant.parse(require(p, "fetched")), sig,
                    p.getProperty("trust.basis", "")));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String require(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }
}
