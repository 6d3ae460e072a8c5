package org.remixstudio.engine.repo;

/**
 * How a source's Release file was accepted, for {@code remix sources} and the app.
 *
 * @param kind        verified, or accepted without a valid signature because of {@code trusted=yes}
 * @param signedFile  {@code InRelease}, {@code Release} (checked with {@code Release.gpg}) or
 *                    {@code Release (unsigned)}
 * @param keyId       16 hex digits of the signing key (empty when none)
 * @param fingerprint its full fingerprint (empty when unknown)
 * @param userId      the primary user id of its certificate (empty when unknown)
 * @param detail      for {@link Kind#TRUSTED_UNCHECKED}: what the check found; otherwise empty
 */
public record SignatureStatus(Kind kind, String signedFile, String keyId, String fingerprint, String userId,
                              String detail) {

    /** How the Release file was accepted. */
    public enum Kind {
        /** A good signature by a key of the source's keyring. */
        VERIFIED,
        /** No valid signature, accepted because the source says {@code trusted=yes}. */
        TRUSTED_UNCHECKED
    }

    static SignatureStatus verified(String signedFile, SignatureCheck check) {
        return new SignatureStatus(Kind.VERIFIED, signedFile, check.keyId(), check.fingerprint(), check.userId(), "");
    }

    static SignatureStatus trustedUnchecked(String signedFile, SignatureCheck check) {
        String detail = check.outcome() == SignatureCheck.Outcome.UNSIGNED && check.detail().isEmpty()
                ? "not signed" : check.detail();
        return new SignatureStatus(Kind.TRUSTED_UNCHECKED, signedFile, check.keyId(), check.fingerprint(),
                check.userId(), detail);
    }

    /** One line, e.g. {@code good signature by 6ED0E7B82643E131 (Debian Archive ...) on InRelease}. */
    public String describe() {
        if (kind == Kind.TRUSTED_UNCHECKED) {
            return "trusted=yes (not checked: " + detail + ")";
        }
        return "good signature by " + keyId + (userId.isEmpty() ? "" : " (" + userId + ")") + " on " + signedFile;
    }
}
