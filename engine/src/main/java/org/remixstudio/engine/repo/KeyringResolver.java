package org.remixstudio.engine.repo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.api.EngineException;

/**
 * Finds the keys that may sign a source's Release files, as apt does: the {@code Signed-By} keyring
 * files or inline key when the source names them, otherwise every trusted keyring of the system
 * ({@link SystemSources#trustedKeyrings()}); {@code Signed-By} fingerprints then narrow the set. Keyring
 * files are read once per resolver.
 */
public final class KeyringResolver {

    private final List<Path> trustedKeyrings;
    private final Map<Path, Keyring> loaded = new HashMap<>();

    /** @param trustedKeyrings the keyrings for sources without {@code Signed-By} keyrings */
    public KeyringResolver(List<Path> trustedKeyrings) {
        this.trustedKeyrings = List.copyOf(trustedKeyrings);
    }

    /**
     * The keys for a source.
     *
     * @throws EngineException naming the source and keyring when a keyring is missing or unreadable
     */
    public synchronized Keyring keyringFor(AptSource source) {
        SignedBy sb = source.signedBy();
        try {
            Keyring keys;
            if (sb.inlineKey() != null) {
                keys = Keyring.parse(sb.inlineKey().getBytes(StandardCharsets.US_ASCII), "the inline Signed-By key");
            } else if (!sb.keyrings().isEmpty()) {
                keys = combine(sb.keyrings(), true);
            } else {
                keys = combine(trustedKeyrings, false);
            }
            return sb.fingerprints().isEmpty() ? keys : keys.restrictedTo(sb.fingerprints());
        } catch (EngineException e) {
            throw new EngineException("Source " + source.location() + ": " + e.getMessage(), e);
        }
    }

    /** A stable description of the keys a source is checked against, for cache validity. */
    public String trustBasis(AptSource source) {
        SignedBy sb = source.signedBy();
        StringBuilder b = new StringBuilder(source.trusted() ? "trusted=yes;" : "");
        if (sb.inlineKey() != null) {
            b.append("inline:").append(Hashing.sha256Hex(sb.inlineKey()));
        } else {
            List<Path> files = sb.keyrings().isEmpty() ? trustedKeyrings : sb.keyrings();
            for (Path p : files) {
                b.append(p).append('@').append(modified(p)).append(';');
            }
        }
        sb.fingerprints().forEach(f -> b.append("fpr:").append(f).append(';'));
        return b.toString();
    }

    private static String modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toString() + "/" + Files.size(p);
        } catch (java.io.IOException e) {
            return "missing";
        }
    }

    private Keyring combine(List<Path> files, boolean mustExist) {
        Keyring all = Keyring.empty();
        for (Path p : files) {
            if (!mustExist && !Files.isRegularFile(p)) {
                continue;
            }
            Keyring k = loaded.get(p);
            if (k == null) {
                k = Keyring.load(p);
                loaded.put(p, k);
            }
            all = all.size() == 0 ? k : all.plus(k);
        }
        return all;
    }
}
