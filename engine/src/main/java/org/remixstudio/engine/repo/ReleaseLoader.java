package org.remixstudio.engine.repo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.remixstudio.engine.api.EngineException;

/**
 * Gets the Release file of one URI and suite as apt's acquire step does: {@code InRelease} first,
 * {@code Release} plus {@code Release.gpg} when there is none, signature checked against the source's
 * keyring (refused unless good, or unless the source is {@code trusted=yes}), then {@code Valid-Until}
 * and {@code Date} checked against the clock. Verified files go to the cache; offline, or when the
 * network fails, the newest cached verified Release is used instead.
 */
final class ReleaseLoader {

    /** apt's {@code Acquire::Max-FutureTime} is 10 s; clocks of desktops drift more, so allow a little. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final Fetcher fetcher;
    private final RepositoryCache cache;
    private final KeyringResolver keyrings;
    private final Clock clock;
    /** Made on first use: a start served from the cache then never loads BouncyCastle at all. */
    private SignatureVerifier verifier;

    ReleaseLoader(Fetcher fetcher, RepositoryCache cache, KeyringResolver keyrings, Clock clock) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.keyrings = keyrings;
        this.clock = clock;
    }

    private synchronized SignatureVerifier verifier() {
        if (verifier == null) {
            verifier = new SignatureVerifier(clock);
        }
        return verifier;
    }

    VerifiedRelease load(SuiteTarget target, LoadSession session) {
        if (session.offlineFor(target.uri())) {
            return fromCache(target, session.offline() ? "" : "the network failed earlier in this load");
        }
        if (isFresh(target, session)) {
            return fromCache(target, "");
        }
        try {
            return fetchAndVerify(target, session);
        } catch (FetchException e) {
            session.markUnreachable(target.uri());
            if (cache.release(target).isEmpty()) {
                throw new EngineException("Cannot fetch the Release file of " + target.displayName()
                        + " and nothing is cached for it yet. " + e.getMessage(), e);
            }
            return fromCache(target, "network failed (" + e.getMessage() + ")");
        }
    }

    /** Whether the cached Release is young enough to skip the network, as a second start should. */
    private boolean isFresh(SuiteTarget target, LoadSession session) {
        if (session.maxAge().isZero()) {
            return false;
        }
        return cache.release(target)
                .map(c -> c.fetchedAt().plus(session.maxAge()).isAfter(clock.instant())
                        && keyrings.trustBasis(target.source()).equals(c.trustBasis()))
                .orElse(false);
    }

    private VerifiedRelease fetchAndVerify(SuiteTarget target, LoadSession session) {
        String base = target.uri() + target.releaseDir();
        String trustBasis = keyrings.trustBasis(target.source());
        Optional<byte[]> inRelease = fetcher.fetchBytes(URI.create(base + "InRelease"), session.progress());
        byte[] releaseBytes;
        String signedFile;
        SignatureStatus status;
        String text;
        if (inRelease.isPresent()) {
            releaseBytes = inRelease.get();
            signedFile = "InRelease";
            String url = base + "InRelease";
            ClearsignedMessage message = ClearsignedMessage.parse(releaseBytes, url);
            text = message.text();
            Optional<CachedRelease> known = reusableVerdict(target, Hashing.sha256Hex(releaseBytes), trustBasis);
            status = known.isPresent() ? known.get().signature()
                    : judge(target, url, signedFile, () -> verifier().verify(message, keyrings.keyringFor(target.source())));
        } else {
            String url = base + "Release";
            releaseBytes = fetcher.fetchBytes(URI.create(url), session.progress()).orElseThrow(() ->
                    new EngineException("The archive " + target.displayName() + " has neither " + base
                            + "InRelease nor Release. Check the suite name and URI in " + target.source().location()
                            + "."));
            text = new String(releaseBytes, StandardCharsets.UTF_8);
            Optional<byte[]> sig = fetcher.fetchBytes(URI.create(base + "Release.gpg"), session.progress());
            if (sig.isEmpty()) {
                signedFile = "Release (unsigned)";
                status = judge(target, url, signedFile, () -> SignatureCheck.unsigned("no InRelease and no Release.gpg"));
            } else {
                signedFile = "Release";
                Optional<CachedRelease> known = reusableVerdict(target, Hashing.sha256Hex(releaseBytes), trustBasis);
                status = known.isPresent() ? known.get().signature()
                        : judge(target, url, signedFile,
                                () -> verifier().verify(releaseBytes, sig.get(), keyrings.keyringFor(target.source())));
            }
        }
        ReleaseFile release = new ReleaseFileParser(base + signedFile).parse(text);
        List<String> warnings = new ArrayList<>();
        checkDates(target, release, false);
        checkSuite(target, release, warnings);
        String sha = cache.putBlob(releaseBytes);
        Instant now = clock.instant();
        cache.putRelease(target, new CachedRelease(target.uri(), target.suite(), sha, signedFile, now, status,
                trustBasis));
        return new VerifiedRelease(target, release, sha, status, now, false, warnings);
    }

    /** The cached verdict for exactly these bytes, when they were checked against the same keys. */
    private Optional<CachedRelease> reusableVerdict(SuiteTarget target, String sha, String trustBasis) {
        return cache.release(target).filter(c -> c.releaseSha256().equals(sha) && c.trustBasis().equals(trustBasis)
                && cache.hasBlob(sha));
    }

    private interface Check {
        SignatureCheck run();
    }

    private SignatureStatus judge(SuiteTarget target, String url, String signedFile, Check check) {
        SignatureCheck c = check.run();
        if (c.isGood()) {
            return SignatureStatus.verified(signedFile, c);
        }
        if (target.source().trusted()) {
            return SignatureStatus.trustedUnchecked(signedFile, c);
        }
        String where = target.displayName() + " (" + url + ")";
        String fix = " The source is defined in " + target.source().location() + ".";
        String message = switch (c.outcome()) {
            case BAD -> "BAD signature on the Release file of " + where + " by key " + c.keyId()
                    + ": " + c.detail() + ". The file was altered or corrupted on the way; it is refused."
                    + " Try again later or use another mirror." + fix;
            case NO_PUBKEY -> "The Release file of " + where + " is signed by key " + c.keyId()
                    + ", which is not in the source's keyring (" + c.detail() + "). Install the archive's"
                    + " keyring and name it with Signed-By." + fix;
            case KEY_NOT_VALID -> "The Release file of " + where + " is signed by key " + c.keyId()
                    + ", which cannot be trusted: " + c.detail() + ". Update the archive keyring." + fix;
            default -> "The Release file of " + where + " is not signed (" + c.detail() + "), so it is refused."
                    + " Mark the source trusted=yes only if you trust the archive and the way to it." + fix;
        };
        throw new EngineException(message);
    }

    private VerifiedRelease fromCache(SuiteTarget target, String why) {
        CachedRelease cached = cache.release(target).orElseThrow(() -> new EngineException(
                "Nothing is cached for " + target.displayName() + ", so it cannot be loaded offline."
                        + " Load it once with network access."));
        byte[] bytes = cache.readBlob(cached.releaseSha256()).orElseThrow(() -> new EngineException(
                "The cached Release file of " + target.displayName() + " is missing or damaged."
                        + " Load it once with network access."));
        String name = target.uri() + target.releaseDir() + cached.signedFile() + " (cached)";
        String text = cached.signedFile().equals("InRelease")
                ? ClearsignedMessage.parse(bytes, name).text()
                : new String(bytes, StandardCharsets.UTF_8);
        ReleaseFile release = new ReleaseFileParser(name).parse(text);
        checkDates(target, release, true);
        List<String> warnings = new ArrayList<>();
        if (!why.isEmpty()) {
            warnings.add("using the cached Release file fetched " + cached.fetchedAt() + ": " + why);
        }
        checkSuite(target, release, warnings);
        return new VerifiedRelease(target, release, cached.releaseSha256(), cached.signature(), cached.fetchedAt(),
                true, warnings);
    }

    private void checkDates(SuiteTarget target, ReleaseFile release, boolean cached) {
        Instant now = clock.instant();
        if (target.source().checkValidUntil() && release.validUntil() != null && now.isAfter(release.validUntil())) {
            throw new EngineException("The Release file of " + target.displayName() + (cached ? " in the cache" : "")
                    + " has expired (Valid-Until " + release.validUntil() + "), as apt would refuse it: old data"
                    + " could hide security updates. " + (cached ? "Load it with network access to refresh it."
                    : "The mirror is out of date; try again later or use another mirror."));
        }
        if (release.date() != null && release.date().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new EngineException("The Release file of " + target.displayName() + " is not valid yet (Date "
                    + release.date() + " is in the future). Check this computer's clock.");
        }
    }

    private static void checkSuite(SuiteTarget target, ReleaseFile release, List<String> warnings) {
        if (target.isFlat()) {
            return;
        }
        String s = target.suite();
        if (!s.equals(release.suite()) && !s.equals(release.codename())) {
            warnings.add("conflicting distribution: expected " + s + " but the Release says "
                    + release.suite() + " (" + release.codename() + ")");
        }
    }
}
