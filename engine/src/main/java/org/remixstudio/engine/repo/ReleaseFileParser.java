package org.remixstudio.engine.repo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.control.ControlSyntaxException;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;

/**
 * Parses a Release file: one deb822 paragraph as described by the Debian repository format
 * ("Release files": {@code Suite}, {@code Codename}, {@code Date}, {@code Valid-Until},
 * {@code Architectures}, {@code Components}, {@code Acquire-By-Hash},
 * {@code No-Support-for-Architecture-all} and the {@code SHA256} file list). Dates are RFC 2822
 * style ({@code Sat, 11 Jul 2026 10:16:37 UTC}), which is what dak and apt-ftparchive write.
 */
public final class ReleaseFileParser {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final String originName;

    /** @param originName the URL of the Release file, named in errors */
    public ReleaseFileParser(String originName) {
        this.originName = originName;
    }

    /** @throws EngineException naming the file when it is not a Release file */
    public ReleaseFile parse(String text) {
        Paragraph p;
        try {
            List<Paragraph> all = new Deb822Parser(originName).parseAll(new StringReader(text));
            if (all.isEmpty()) {
                throw new EngineException(originName + " is empty; it is not a Release file.");
            }
            p = all.get(0);
        } catch (ControlSyntaxException e) {
            throw new EngineException(e.getMessage() + " (in a Release file). The archive is broken or is not an apt archive.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, IndexFileEntry> files = new HashMap<>();
        String list = p.get("SHA256").orElseThrow(() -> new EngineException(originName
                + " has no SHA256 file list; apt refuses such Release files too. Ask the archive's maintainer."));
        // hundreds of lines per Release: split by hand, a regex per line costs a warm start dearly
        for (String line : list.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            int a = firstSpace(l, 0);
            int b = a < 0 ? -1 : firstSpace(l, skipSpaces(l, a));
            String hash = a < 0 ? "" : l.substring(0, a);
            String size = b < 0 ? "" : l.substring(skipSpaces(l, a), b);
            String path = b < 0 ? "" : l.substring(skipSpaces(l, b));
            if (!isSha256(hash) || path.isEmpty() || firstSpace(path, 0) >= 0) {
                throw new EngineException(originName + ": malformed SHA256 line '" + l + "'.");
            }
            try {
                files.put(path, new IndexFileEntry(path, Long.parseLong(size), hash.toLowerCase(Locale.ROOT)));
            } catch (NumberFormatException e) {
                throw new EngineException(originName + ": malformed size in SHA256 line '" + l + "'.");
            }
        }
        return new ReleaseFile(
                p.get("Origin", ""),
                p.get("Label", ""),
                p.get("Suite", ""),
                p.get("Codename", ""),
                p.get("Version", "").strip(),
                date(p, "Date"),
                date(p, "Valid-Until"),
                words(p.get("Architectures")),
                words(p.get("Components")),
                "yes".equalsIgnoreCase(p.get("Acquire-By-Hash", "no").strip()),
                p.get("No-Support-for-Architecture-all").map(String::strip).orElse(null),
                files);
    }

    private static int firstSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isSha256(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> words(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private Instant date(Paragraph p, String field) {
        String v = p.get(field).map(String::strip).orElse(null);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return parseDate(v);
        } catch (DateTimeParseException e) {
            throw new EngineException(originName + ": field " + field + " has an unreadable date '" + v + "'.");
        }
    }

    /** Parses an RFC 2822 date, with or without the weekday; {@code UTC}, {@code GMT} or an offset. */
    static Instant parseDate(String value) {
        String v = value.strip();
        int comma = v.indexOf(',');
        if (comma >= 0) {
            v = v.substring(comma + 1).strip();
        }
        v = v.replaceAll("\\s+", " ");
        if (v.endsWith(" UTC") || v.endsWith(" GMT") || v.endsWith(" UT") || v.endsWith(" Z")) {
            v = v.substring(0, v.lastIndexOf(' ')) + " +0000";
        }
        return ZonedDateTime.parse(v, DATE).toInstant();
    }
}
