package org.remixstudio.engine.repo;

import java.util.List;

/**
 * The verdict on the signatures of one Release file.
 *
 * @param outcome     the verdict
 * @param keyId       16 hex digits of the key that made the good signature, or of the first signature
 *                    found when none is good; empty when there is no signature at all
 * @param fingerprint the full fingerprint of that key (empty when unknown)
 * @param userId      the primary user id of its certificate (empty when unknown)
 * @param issuers     the key ids of every signature found
 * @param detail      what went wrong, in words; empty for {@link Outcome#GOOD}
 */
public record SignatureCheck(Outcome outcome, String keyId, String fingerprint, String userId,
                             List<String> issuers, String detail) {

    /** How the signatures of a file fared. */
    public enum Outcome {
        /** At least one good signature by a key of the keyring, and no bad one. */
        GOOD,
        /** A signature by a key of the keyring does not match the data: tampered or corrupted. */
        BAD,
        /** Signed, but by no key of the keyring. */
        NO_PUBKEY,
        /** Made by a key that has expired or was revoked. */
        KEY_NOT_VALID,
        /** No signature at all. */
        UNSIGNED
    }

    public SignatureCheck {
        issuers = List.copyOf(issuers);
    }

    public static SignatureCheck unsigned(String detail) {
        return new SignatureCheck(Outcome.UNSIGNED, "", "", "", List.of(), detail);
    }

    public boolean isGood() {
        return outcome == Outcome.GOOD;
    }
}
