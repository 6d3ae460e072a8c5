package org.remixstudio.engine.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads deb822 control syntax (Debian policy §5.1, and {@code sources.list(5)} for {@code .sources}):
 * paragraphs separated by blank lines, {@code Field: value} lines, continuation lines starting
 * with a space or tab, {@code #} comment lines (allowed in {@code .sources} files). Lines consisting
 * only of spaces and tabs separate paragraphs, as policy allows parsers to accept; CRLF line ends
 * and a leading byte-order mark are tolerated. A field name may not repeat within a paragraph
 * (compared case-insensitively), contain whitespace, or start with {@code -}.
 *
 * <p>Streaming: {@link #parse(Reader, Consumer)} hands each paragraph over as soon as it is complete,
 * so a 50 MB {@code Packages} file never sits in memory as text.
 */
public final class Deb822Parser {

    private final String origin;

    /** @param origin what is being read (a file name or URL), named in error messages */
    public Deb822Parser(String origin) {
        this.origin = origin;
    }

    public List<Paragraph> parseAll(Reader reader) throws IOException {
        List<Paragraph> all = new ArrayList<>();
        parse(reader, all::add);
        return all;
    }

    public void parse(Reader reader, Consumer<Paragraph> sink) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> seenNames = new HashSet<>();
        String currentName = null;
        StringBuilder currentValue = new StringBuilder();
        int start = 0;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                if (currentName != null) {
                    fields.put(currentName, currentValue.toString());
                    currentName = null;
                }
                if (!fields.isEmpty()) {
                    sink.accept(new Paragraph(fields, start));
                    fields.clear();
                    seenNames.clear();
                }
                continue;
            }
            char first = line.charAt(0);
            if (first == '#') {
                continue;
            }
            if (first == ' ' || first == '\t') {
                if (currentName == null) {
                    throw new ControlSyntaxException(origin, lineNo,
                            "continuation line without a field before it");
                }
                currentValue.append('\n').append(line, 1, line.length());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ControlSyntaxException(origin, lineNo,
                        "expected 'Field: value' but found '" + abbreviate(line) + "'");
            }
            if (currentName != null) {
                fields.put(currentName, currentValue.toString());
            } else if (fields.isEmpty()) {
                start = lineNo;
            }
            currentName = line.substring(0, colon);
            checkFieldName(currentName, lineNo);
            if (!seenNames.add(currentName.toLowerCase(Locale.ROOT))) {
                throw new ControlSyntaxException(origin, lineNo, "field '" + currentName
                        + "' appears twice in the paragraph starting at line " + start);
            }
            currentValue.setLength(0);
            currentValue.append(line, colon + 1, line.length());
            stripSpaces(currentValue);
        }
        if (currentName != null) {
            fields.put(currentName, currentValue.toString());
        }
        if (!fields.isEmpty()) {
            sink.accept(new Paragraph(fields, start));
        }
    }

    /** Policy §5.1: printable US-ASCII other than space and colon, not starting with '-' or '#'. */
    private void checkFieldName(String name, int lineNo) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new ControlSyntaxException(origin, lineNo,
                        "field name '" + abbreviate(name) + "' contains a space or a non-ASCII character");
            }
        }
        if (name.charAt(0) == '-') {
            throw new ControlSyntaxException(origin, lineNo, "field name '" + abbreviate(name) + "' starts with '-'");
        }
    }

    private static void stripSpaces(StringBuilder sb) {
        int i = 0;
        while (i < sb.length() && (sb.charAt(i) == ' ' || sb.charAt(i) == '\t')) {
            i++;
        }
        sb.delete(0, i);
        int end = sb.length();
        while (end > 0 && Character.isWhitespace(sb.charAt(end - 1))) {
            end--;
        }
        sb.setLength(end);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
