package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a copyright file into deb822 stanzas (copyright-format 1.0 §4 "File syntax" refers to Debian
 * policy §5.1) the way real files need: unlike {@link org.remixstudio.engine.control.Deb822Parser},
 * which rejects malformed control data, this reader never fails. A line at column 0 that is not
 * {@code Field:} continues the field before it (a forgotten leading space), a repeated field keeps
 * its first value, {@code #} lines are comments, and lines of only spaces separate stanzas.
 */
final class CopyrightStanzas {

    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z0-9-]*):(.*)");

    /** One stanza: field name (lower case) → value, continuation lines joined with {@code \n}. */
    record Stanza(Map<String, String> fields, int line) {
        Optional<String> get(String name) {
            return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
        }

        boolean has(String name) {
            return fields.containsKey(name.toLowerCase(Locale.ROOT));
        }
    }

    private CopyrightStanzas() {
    }

    static List<Stanza> split(String text) {
        List<Stanza> out = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String current = null;
        StringBuilder value = new StringBuilder();
        int start = 0;
        int lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            if (line.isBlank()) {
                if (current != null) {
                    fields.putIfAbsent(current, value.toString().stripTrailing());
                    current = null;
                }
                if (!fields.isEmpty()) {
                    out.add(new Stanza(Map.copyOf(fields), start));
                    fields.clear();
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            char first = line.charAt(0);
            Matcher m = FIELD.matcher(line);
            if (first != ' ' && first != '\t' && m.matches()) {
                if (current != null) {
                    fields.putIfAbsent(current, value.toString().stripTrailing());
                } else if (fields.isEmpty()) {
                    start = lineNo;
                }
                current = m.group(1).toLowerCase(Locale.ROOT);
                value.setLength(0);
                value.append(m.group(2).strip());
            } else if (current != null) {
                String cont = first == ' ' || first == '\t' ? line.substring(1) : line;
                value.append('\n').append(cont.strip().equals(".") ? "" : cont);
            }
            // text before the first field of a stanza that is not a field belongs to nothing: skipped
        }
        if (current != null) {
            fields.putIfAbsent(current, value.toString().stripTrailing());
        }
        if (!fields.isEmpty()) {
            out.add(new Stanza(Map.copyOf(fields), start));
        }
        return out;
    }
}
