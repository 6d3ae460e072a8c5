package org.remixstudio.engine.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.remixstudio.engine.api.EngineException;

/**
 * A set of OpenPGP public keys (transferable public keys, RFC 4880 §11.1) that may sign a source's
 * Release files: read from binary keyrings ({@code .gpg}, a concatenation of key packets such as
 * {@code debian-archive-keyring.gpg}), from ASCII-armored files ({@code .asc}, RFC 4880 §6.2, one or
 * more key blocks) or from an inline {@code Signed-By} key. GnuPG's keybox format ({@code .kbx}) is
 * refused, as apt refuses it.
 */
public final class Keyring {

    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    private final List<PGPPublicKeyRing> rings;
    private final String description;

    private Keyring(List<PGPPublicKeyRing> rings, String description) {
        this.rings = List.copyOf(rings);
        this.description = description;
    }

    /** A keyring with no keys (used for sources that are {@code trusted=yes}). */
    public static Keyring empty() {
        return new Keyring(List.of(), "no keyring");
    }

    /**
     * Reads a binary or armored keyring file.
     *
     * @throws EngineException naming the file when it is missing or not an OpenPGP keyring
     */
    public static Keyring load(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EngineException("Cannot read keyring " + file + " (" + e.getMessage()
                    + "). Install the keyring or fix the source's Signed-By.", e);
        }
        return parse(data, file.toString());
    }

    /** Reads keys from bytes, binary or armored; {@code name} is named in errors. */
    public static Keyring parse(byte[] data, String name) {
        if (data.length >= 12 && data[8] == 'K' && data[9] == 'B' && data[10] == 'X' && data[11] == 'f') {
            throw new EngineException("Keyring " + name + " is a GnuPG keybox, which apt cannot use either. Export it"
                    + " as an OpenPGP keyring: gpg --no-default-keyring --keyring " + name + " --export > key.gpg");
        }
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        try {
            String text = new String(data, StandardCharsets.ISO_8859_1);
            if (text.contains(BEGIN)) {
                int at = text.indexOf(BEGIN);
                while (at >= 0) {
                    int next = text.indexOf(BEGIN, at + BEGIN.length());
                    String block = next < 0 ? text.substring(at) : text.substring(at, next);
                    readRings(new ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1)), rings);
                    at = next;
                }
            } else {
                readRings(new ByteArrayInputStream(data), rings);
            }
        } catch (IOException | RuntimeException e) {
            throw new EngineException("Keyring " + name + " is not a readable OpenPGP keyring (" + e.getMessage()
                    + "). Replace it with the archive's published keyring.", e);
        }
        if (rings.isEmpty()) {
            throw new EngineException("Keyring " + name + " holds no public keys. Replace it with the archive's"
                    + " published keyring.");
        }
        return new Keyring(rings, name);
    }

    private static void readRings(InputStream raw, List<PGPPublicKeyRing> into) throws IOException {
        InputStream in = PGPUtil.getDecoderStream(raw);
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        Object o;
        while ((o = factory.nextObject()) != null) {
            if (o instanceof PGPPublicKeyRing r) {
                into.add(r);
            } else if (o instanceof PGPSecretKeyRing s) {
                into.add(s.toCertificate());
            }
        }
    }

    /** This keyring and another, e.g. all of apt's trusted keyrings. */
    public Keyring plus(Keyring other) {
        List<PGPPublicKeyRing> all = new ArrayList<>(rings);
        all.addAll(other.rings);
        return new Keyring(all, description + ", " + other.description);
    }

    /**
     * Only the keys whose primary key or subkey has one of these fingerprints (the fingerprint form of
     * {@code Signed-By}).
     */
    public Keyring restrictedTo(List<String> fingerprints) {
        List<PGPPublicKeyRing> kept = new ArrayList<>();
        for (PGPPublicKeyRing r : rings) {
            for (PGPPublicKey k : r) {
                if (fingerprints.contains(fingerprint(k))) {
                    kept.add(r);
                    break;
                }
            }
        }
        return new Keyring(kept, description + " restricted to " + String.join(",", fingerprints));
    }

    /** The key (primary or subkey) with this key id, and the certificate it belongs to. */
    Optional<KeyMatch> find(long keyId) {
        for (PGPPublicKeyRing r : rings) {
            PGPPublicKey k = r.getPublicKey(keyId);
            if (k != null) {
                return Optional.of(new KeyMatch(k, r));
            }
        }
        return Optional.empty();
    }

    /** A key found for a signature's issuer. */
    record KeyMatch(PGPPublicKey key, PGPPublicKeyRing certificate) {

        PGPPublicKey primary() {
            return certificate.getPublicKey();
        }

        String userId() {
            Iterator<String> ids = primary().getUserIDs();
            return ids.hasNext() ? ids.next() : "";
        }
    }

    public int size() {
        return rings.size();
    }

    /** Where the keys came from, for messages. */
    public String description() {
        return description;
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    static String keyId(long id) {
        return String.format(Locale.ROOT, "%016X", id);
    }
}
