package org.remixstudio.engine.repo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Signed-By} option of a source (sources.list(5), "Signed-By (signed-by)"): keyring files,
 * key fingerprints restricting which keys of those keyrings (or of the trusted keyrings) may sign,
 * or, in deb822 files only, an inline ASCII-armored key block.
 *
 * @param keyrings     absolute paths of {@code .gpg} or {@code .asc} keyrings
 * @param fingerprints upper-case hex fingerprints (a trailing {@code !} of the spec is dropped)
 * @param inlineKey    an armored {@code PUBLIC KEY BLOCK}, or {@code null}
 */
public record SignedBy(List<Path> keyrings, List<String> fingerprints, String inlineKey) {

    /** No {@code Signed-By}: apt's trusted keyrings apply. */
    public static final SignedBy NONE = new SignedBy(List.of(), List.of(), null);

    private static final String KEY_BLOCK = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    public SignedBy {
        keyrings = List.copyOf(keyrings);
        fingerprints = List.copyOf(fingerprints);
    }

    public boolean isNone() {
        return keyrings.isEmpty() && fingerprints.isEmpty() && inlineKey == null;
    }

    /**
     * Parses the option value. In deb822 an inline key is written as continuation lines where an
     * empty line of the key is a lone {@code .} (sources.list(5)); {@code value} has those lines
     * joined with {@code \n} already.
     *
     * @throws IllegalArgumentException naming the offending item
     */
    public static SignedBy parse(String value, boolean inlineAllowed) {
        String v = value.strip();
        if (v.contains(KEY_BLOCK)) {
            if (!inlineAllowed) {
                throw new IllegalArgumentException("an inline key is only allowed in deb822 .sources files");
            }
            StringBuilder key = new StringBuilder();
            for (String line : v.split("\n", -1)) {
                String l = line.strip();
                key.append(l.equals(".") ? "" : l).append('\n');
            }
            return new SignedBy(List.of(), List.of(), key.toString());
        }
        List<Path> paths = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        for (String item : v.split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.startsWith("/")) {
                paths.add(Path.of(item));
                continue;
            }
            String fpr = item.endsWith("!") ? item.substring(0, item.length() - 1) : item;
            if (fpr.matches("[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64}")) {
                fingerprints.add(fpr.toUpperCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("Signed-By item '" + item
                        + "' is neither an absolute keyring path nor a full key fingerprint");
            }
        }
        if (paths.isEmpty() && fingerprints.isEmpty()) {
            throw new IllegalArgumentException("Signed-By is empty");
        }
        return new SignedBy(paths, fingerprints, null);
    }

    @Override
    public String toString() {
        if (inlineKey != null) {
            return "inline key";
        }
        List<String> all = new ArrayList<>();
        keyrings.forEach(p -> all.add(p.toString()));
        all.addAll(fingerprints);
        return all.isEmpty() ? "trusted keyrings" : String.join(",", all);
    }
}
