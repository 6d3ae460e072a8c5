package org.remixstudio.engine.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One deb822 paragraph (a stanza of {@code Field: value} lines), as found in {@code Packages},
 * {@code Release} and {@code *.sources} files. Field names compare case-insensitively, as Debian
 * policy §5.1 requires; the original spelling and order are kept for display.
 *
 * @param fields field name as written → raw value (continuation lines joined with {@code \n},
 *               leading space of continuation lines removed, a lone {@code .} kept as is)
 * @param line   1-based line number of the paragraph's first field, for error messages
 */
public record Paragraph(Map<String, String> fields, int line) {

    public Paragraph {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The value of a field, looked up case-insensitively. */
    public Optional<String> get(String name) {
        String exact = fields.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The value of a field, or {@code fallback} when the paragraph lacks it. */
    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }
}
