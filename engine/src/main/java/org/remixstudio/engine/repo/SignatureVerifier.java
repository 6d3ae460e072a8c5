package org.remixstudio.engine.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks OpenPGP signatures (RFC 4880 §5.2) over Release files the way apt's gpgv method judges
 * them: the file is accepted when at least one signature is good and made by a key of the keyring,
 * and none is bad. Signatures by keys outside the keyring are ignored when another one is good (the
 * Debian archive signs with several keys at once). Signing subkeys are accepted when the primary key
 * binds them with a valid subkey-binding signature that grants signing and they carry the primary
 * key binding back-signature (§5.2.1, 0x18 and 0x19), as GnuPG requires. Expired or revoked keys make
 * a signature worthless.
 */
public final class SignatureVerifier {

    private static final String ARMOR = "-----BEGIN PGP SIGNATURE-----";

    private final BcPGPContentVerifierBuilderProvider verifiers = new BcPGPContentVerifierBuilderProvider();
    private final java.time.Clock clock;

    public SignatureVerifier(java.time.Clock clock) {
        this.clock = clock;
    }

    /** Verifies a clearsigned document's signature over its canonical text. */
    public SignatureCheck verify(ClearsignedMessage message, Keyring keyring) {
        return verify(message.signedBytes(), message.signatureArmor(), keyring);
    }

    /**
     * Verifies a detached signature (binary or armored, as in {@code Release.gpg}) over {@code data}.
     */
    public SignatureCheck verify(byte[] data, byte[] signature, Keyring keyring) {
        List<PGPSignature> signatures;
        try {
            signatures = readSignatures(signature);
        } catch (IOException | PGPException | RuntimeException e) {
            return SignatureCheck.unsigned("the signature cannot be read (" + e.getMessage() + ")");
        }
        if (signatures.isEmpty()) {
            return SignatureCheck.unsigned("the signature file holds no signature");
        }
        List<String> issuers = new ArrayList<>();
        SignatureCheck good = null;
        SignatureCheck bad = null;
        SignatureCheck invalidKey = null;
        for (PGPSignature sig : signatures) {
            long issuer = issuerKeyId(sig);
            issuers.add(Keyring.keyId(issuer));
        }
        for (PGPSignature sig : signatures) {
            long issuer = issuerKeyId(sig);
            Optional<Keyring.KeyMatch> match = keyring.find(issuer);
            if (match.isEmpty()) {
                continue;
            }
            Keyring.KeyMatch m = match.get();
            SignatureCheck.Outcome outcome;
            String detail;
            if (!checks(sig, data, m.key())) {
                outcome = SignatureCheck.Outcome.BAD;
                detail = "the signature by key " + Keyring.keyId(issuer) + " does not match the file";
            } else {
                detail = keyProblem(m, sig);
                outcome = detail.isEmpty() ? SignatureCheck.Outcome.GOOD : SignatureCheck.Outcome.KEY_NOT_VALID;
            }
            SignatureCheck c = new SignatureCheck(outcome, Keyring.keyId(issuer), Keyring.fingerprint(m.key()),
                    m.userId(), issuers, detail);
            switch (outcome) {
                case GOOD -> good = good == null ? c : good;
                case BAD -> bad = bad == null ? c : bad;
                default -> invalidKey = invalidKey == null ? c : invalidKey;
            }
        }
        if (bad != null) {
            return bad;
        }
        if (good != null) {
            return good;
        }
        if (invalidKey != null) {
            return invalidKey;
        }
        return new SignatureCheck(SignatureCheck.Outcome.NO_PUBKEY, issuers.get(0), "", "", issuers,
                "signed by key(s) " + String.join(", ", issuers) + ", none of which is in " + keyring.description());
    }

    private boolean checks(PGPSignature sig, byte[] data, PGPPublicKey key) {
        int type = sig.getSignatureType();
        if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            return false;
        }
        try {
            sig.init(verifiers, key);
            sig.update(data);
            return sig.verify();
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    /** Why the key may not sign (expired, revoked, unbound subkey), or empty when it may. */
    private String keyProblem(Keyring.KeyMatch m, PGPSignature sig) {
        PGPPublicKey key = m.key();
        Instant now = clock.instant();
        String id = Keyring.keyId(key.getKeyID());
        if (m.primary().hasRevocation()) {
            return "key " + Keyring.keyId(m.primary().getKeyID()) + " was revoked";
        }
        if (expired(m.primary(), now)) {
            return "key " + Keyring.keyId(m.primary().getKeyID()) + " has expired";
        }
        if (!key.isMasterKey()) {
            if (key.hasRevocation()) {
                return "subkey " + id + " was revoked";
            }
            if (expired(key, now)) {
                return "subkey " + id + " has expired";
            }
            String binding = bindingProblem(m.primary(), key);
            if (!binding.isEmpty()) {
                return binding;
            }
        }
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        if (hashed != null && hashed.getSignatureExpirationTime() > 0) {
            Instant until = sig.getCreationTime().toInstant().plusSeconds(hashed.getSignatureExpirationTime());
            if (until.isBefore(now)) {
                return "the signature by key " + id + " expired on " + until;
            }
        }
        return "";
    }

    private static boolean expired(PGPPublicKey key, Instant now) {
        long valid = key.getValidSeconds();
        return valid > 0 && key.getCreationTime().toInstant().plusSeconds(valid).isBefore(now);
    }

    private String bindingProblem(PGPPublicKey primary, PGPPublicKey subkey) {
        String id = Keyring.keyId(subkey.getKeyID());
        Iterator<PGPSignature> it = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (it.hasNext()) {
            PGPSignature binding = it.next();
            try {
                binding.init(verifiers, primary);
                if (!binding.verifyCertification(primary, subkey)) {
                    continue;
                }
                PGPSignatureSubpacketVector hashed = binding.getHashedSubPackets();
                if (hashed != null && hashed.hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)
                        && (hashed.getKeyFlags() & KeyFlags.SIGN_DATA) == 0) {
                    return "subkey " + id + " is not allowed to sign";
                }
                if (hashed == null || !hasBackSignature(hashed, binding, primary, subkey)) {
                    return "signing subkey " + id + " is not cross-certified by a back-signature";
                }
                return "";
            } catch (PGPException | RuntimeException e) {
                // an unreadable binding signature is no binding; try the next one
            }
        }
        return "subkey " + id + " is not bound to its primary key by a valid signature";
    }

    private boolean hasBackSignature(PGPSignatureSubpacketVector hashed, PGPSignature binding,
                                     PGPPublicKey primary, PGPPublicKey subkey) throws PGPException {
        List<PGPSignature> embedded = new ArrayList<>();
        for (PGPSignatureSubpacketVector v : new PGPSignatureSubpacketVector[] {hashed, binding.getUnhashedSubPackets()}) {
            if (v == null) {
                continue;
            }
            PGPSignatureList list = v.getEmbeddedSignatures();
            for (PGPSignature s : list) {
                embedded.add(s);
            }
        }
        for (PGPSignature back : embedded) {
            if (back.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING) {
                back.init(verifiers, subkey);
                if (back.verifyCertification(primary, subkey)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long issuerKeyId(PGPSignature sig) {
        long id = sig.getKeyID();
        if (id != 0) {
            return id;
        }
        PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
        IssuerFingerprint fpr = hashed == null ? null : hashed.getIssuerFingerprint();
        if (fpr != null) {
            byte[] f = fpr.getFingerprint();
            // a v4 key id is the low 64 bits of the fingerprint (RFC 4880 §12.2)
            long v = 0;
            for (int i = f.length - 8; i < f.length; i++) {
                v = (v << 8) | (f[i] & 0xff);
            }
            return v;
        }
        return 0;
    }

    private static List<PGPSignature> readSignatures(byte[] signature) throws IOException, PGPException {
        List<PGPSignature> out = new ArrayList<>();
        // several armored blocks may follow each other (RFC 4880 §6.2); read each
        String text = new String(signature, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(ARMOR);
        if (at < 0) {
            collect(new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))), out);
            return out;
        }
        while (at >= 0) {
            int next = text.indexOf(ARMOR, at + ARMOR.length());
            byte[] block = (next < 0 ? text.substring(at) : text.substring(at, next)).getBytes(StandardCharsets.ISO_8859_1);
            InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(block));
            collect(new BcPGPObjectFactory(in), out);
            at = next;
        }
        return out;
    }

    private static void collect(BcPGPObjectFactory factory, List<PGPSignature> out) throws IOException, PGPException {
        Object o;
        while ((o = factory.nextObject()) != null) {
            if (o instanceof PGPSignatureList list) {
                for (PGPSignature s : list) {
                    out.add(s);
                }
            } else if (o instanceof PGPCompressedData c) {
                collect(new BcPGPObjectFactory(c.getDataStream()), out);
            }
        }
    }
}
