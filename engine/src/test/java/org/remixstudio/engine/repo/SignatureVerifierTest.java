package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.FixtureKey;

/** Detached signatures (Release.gpg) made by the real gpg. */
class SignatureVerifierTest {

    @TempDir
    Path tmp;

    private final SignatureVerifier verifier = new SignatureVerifier(Clock.systemUTC());

    private byte[] detachSign(FixtureKey key, byte[] data) throws IOException {
        Path in = tmp.resolve("Release");
        Files.write(in, data);
        Path sig = tmp.resolve("Release.gpg");
        key.detachSign(in, sig);
        return Files.readAllBytes(sig);
    }

    @Test
    void goodDetachedSignature_namesKeyFingerprintAndUser() throws IOException {
        FixtureKey key = FixtureKey.primary();
        byte[] data = "Origin: x\n".getBytes(StandardCharsets.UTF_8);

        SignatureCheck c = verifier.verify(data, detachSign(key, data), Keyring.parse(key.publicKey(), "k"));

        assertThat(c.outcome()).isEqualTo(SignatureCheck.Outcome.GOOD);
        assertThat(c.keyId()).isEqualTo(key.signingKeyId());
        assertThat(c.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(c.userId()).isEqualTo(key.userId());
        assertThat(c.issuers()).containsExactly(key.signingKeyId());
    }

    @Test
    void changedData_isABadSignature() throws IOException {
        FixtureKey key = FixtureKey.primary();
        byte[] sig = detachSign(key, "Origin: x\n".getBytes(StandardCharsets.UTF_8));

        SignatureCheck c = verifier.verify("Origin: y\n".getBytes(StandardCharsets.UTF_8), sig,
                Keyring.parse(key.publicKey(), "k"));

        assertThat(c.outcome()).isEqualTo(SignatureCheck.Outcome.BAD);
        assertThat(c.keyId()).isEqualTo(key.signingKeyId());
    }

    @Test
    void signatureByAnotherKey_isNoPubkey_namingTheIssuer() throws IOException {
        byte[] data = "Origin: x\n".getBytes(StandardCharsets.UTF_8);

        SignatureCheck c = verifier.verify(data, detachSign(FixtureKey.other(), data),
                Keyring.parse(FixtureKey.primary().publicKey(), "k"));

        assertThat(c.outcome()).isEqualTo(SignatureCheck.Outcome.NO_PUBKEY);
        assertThat(c.keyId()).isEqualTo(FixtureKey.other().signingKeyId());
        assertThat(c.detail()).contains(FixtureKey.other().signingKeyId());
    }

    @Test
    void oneGoodSignatureAmongUnknownOnes_isEnough() throws IOException {
        byte[] data = "Origin: x\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = concat(detachSign(FixtureKey.other(), data), detachSign(FixtureKey.primary(), data));

        SignatureCheck c = verifier.verify(data, both, Keyring.parse(FixtureKey.primary().publicKey(), "k"));

        assertThat(c.outcome()).isEqualTo(SignatureCheck.Outcome.GOOD);
        assertThat(c.issuers()).containsExactly(FixtureKey.other().signingKeyId(), FixtureKey.primary().signingKeyId());
    }

    @Test
    void subkeySignature_isGood_andAKeyringWithOnlyThePrimaryFingerprintAcceptsIt() throws IOException {
        FixtureKey key = FixtureKey.withSigningSubkey();
        byte[] data = "Origin: x\n".getBytes(StandardCharsets.UTF_8);
        Keyring keys = Keyring.parse(key.publicKey(), "k").restrictedTo(List.of(key.fingerprint()));

        SignatureCheck c = verifier.verify(data, detachSign(key, data), keys);

        assertThat(c.outcome()).isEqualTo(SignatureCheck.Outcome.GOOD);
        assertThat(c.keyId()).isEqualTo(key.signingKeyId());
    }

    @Test
    void expiredKey_makesTheSignatureWorthless() throws IOException {
        FixtureKey key = FixtureKey.expiringAfterOneDay();
        byte[] data = "Origin: x\n".getBytes(StandardCharsets.UTF_8);
        byte[] sig = detachSign(key, data);
        Keyring keys = Keyring.parse(key.publicKey(), "k");
        assertThat(verifier.verify(data, sig, keys).isGood()).isTrue();

        SignatureVerifier twoDaysLater = new SignatureVerifier(Clock.fixed(Instant.now().plus(Duration.ofDays(2)),
                ZoneOffset.UTC));
        SignatureCheck c = twoDaysLater.verify(data, sig, keys);

        assertThat(c.outcome()).isEqualTo(SignatureCheck.Outcome.KEY_NOT_VALID);
        assertThat(c.detail()).contains("has expired");
    }

    @Test
    void revokedKey_makesTheSignatureWorthless() throws IOException {
        FixtureKey key = FixtureKey.named("revoked", false, "ed25519");
        byte[] data = "Origin: x\n".getBytes(StandardCharsets.UTF_8);
        byte[] sig = detachSign(key, data);

        SignatureCheck c = verifier.verify(data, sig, Keyring.parse(key.revokeAndExport(), "revoked"));

        assertThat(c.outcome()).isEqualTo(SignatureCheck.Outcome.KEY_NOT_VALID);
        assertThat(c.detail()).contains("was revoked");
    }

    @Test
    void garbage_isUnsigned() {
        SignatureCheck c = verifier.verify(new byte[] {1, 2, 3}, "not a signature".getBytes(StandardCharsets.UTF_8),
                Keyring.parse(FixtureKey.primary().publicKey(), "k"));

        assertThat(c.outcome()).isIn(SignatureCheck.Outcome.UNSIGNED);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length + 1];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = '\n';
        System.arraycopy(b, 0, out, a.length + 1, b.length);
        return out;
    }
}
