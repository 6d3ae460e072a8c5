package org.remixstudio.app.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.remixstudio.engine.spec.SourceSpec;

/**
 * Turns the deb822 source entry a user types into the New remix dialog into the spec's
 * {@link SourceSpec}: the fields of sources.list(5), "DEB822-STYLE FORMAT" ({@code Types},
 * {@code URIs}, {@code Suites}, {@code Components}, {@code Signed-By}, {@code Architectures},
 * {@code Trusted}), one stanza per blank-line-separated block, {@code #} comments skipped. Only the
 * shape is checked here; the engine checks the values when the spec is validated.
 */
public final class Deb822Entry {

    private Deb822Entry() {
    }

    /** @throws IllegalArgumentException naming the missing field or bad line */
    public static List<SourceSpec> parse(String text) {
        List<SourceSpec> out = new ArrayList<>();
        for (String stanza : text.strip().split("\\n\\s*\\n")) {
            if (!stanza.isBlank()) {
                out.add(stanza(stanza));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the source entry is empty; write at least Types, URIs, Suites and Components");
        }
        return out;
    }

    private static SourceSpec stanza(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        int n = 0;
        for (String line : text.split("\\n")) {
            n++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && last != null) {
                fields.put(last, fields.get(last) + "\n" + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("line " + n + " of the source entry: expected 'Field: value', got '"
                        + line.strip() + "'");
            }
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            fields.put(last, line.substring(colon + 1).strip());
        }
        for (String required : List.of("types", "uris", "suites")) {
            if (!fields.containsKey(required)) {
                throw new IllegalArgumentException("the source entry has no " + capital(required)
                        + " field; add one (e.g. 'Types: deb')");
            }
        }
        Optional<String> signedBy = Optional.ofNullable(fields.get("signed-by")).filter(s -> !s.isBlank());
        return new SourceSpec(words(fields.get("types")), words(fields.get("uris")), words(fields.get("suites")),
                words(fields.getOrDefault("components", "")), signedBy, words(fields.getOrDefault("architectures", "")),
                "yes".equalsIgnoreCase(fields.getOrDefault("trusted", "no")));
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String capital(String field) {
        return field.equals("uris") ? "URIs" : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
