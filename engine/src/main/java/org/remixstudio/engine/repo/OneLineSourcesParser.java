package org.remixstudio.engine.repo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.remixstudio.engine.api.EngineException;

/**
 * Parses the one-line style of sources.list(5), section "ONE-LINE-STYLE FORMAT":
 * {@code deb [ option=value ... ] uri suite [component1] [component2] [...]}, with {@code #} starting
 * a comment. Understood options: {@code signed-by}, {@code arch}, {@code trusted},
 * {@code check-valid-until}; others (e.g. {@code lang}, {@code target}) are accepted and ignored.
 */
public final class OneLineSourcesParser {

    private final String fileName;

    /** @param fileName the file being read (or e.g. {@code --source}), named in errors */
    public OneLineSourcesParser(String fileName) {
        this.fileName = fileName;
    }

    /** @throws EngineException naming the file and line of a malformed entry */
    public List<AptSource> parse(Reader reader) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<AptSource> out = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            AptSource s = parseLine(line, lineNo);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Parses one entry.
     *
     * @return the source, or {@code null} for a blank or comment line
     * @throws EngineException naming the file and line
     */
    public AptSource parseLine(String rawLine, int lineNo) {
        int hash = rawLine.indexOf('#');
        String line = (hash >= 0 ? rawLine.substring(0, hash) : rawLine).strip();
        if (line.isEmpty()) {
            return null;
        }
        SourceLocation at = new SourceLocation(fileName, lineNo);
        try {
            return toSource(line, at);
        } catch (IllegalArgumentException e) {
            throw new EngineException(at + ": " + e.getMessage()
                    + ". Expected 'deb [option=value ...] URI SUITE COMPONENT...' (see sources.list(5)).");
        }
    }

    private static AptSource toSource(String line, SourceLocation at) {
        int sp = indexOfSpace(line);
        String type = sp < 0 ? line : line.substring(0, sp);
        if (!type.equals("deb") && !type.equals("deb-src")) {
            throw new IllegalArgumentException("unknown type '" + type + "' (expected deb or deb-src)");
        }
        String rest = sp < 0 ? "" : line.substring(sp).strip();
        Options options = new Options();
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("option list '[' is not closed by ']'");
            }
            for (String opt : rest.substring(1, close).strip().split("\\s+")) {
                if (!opt.isEmpty()) {
                    options.add(opt);
                }
            }
            rest = rest.substring(close + 1).strip();
        }
        List<String> words = Arrays.stream(rest.split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.size() < 2) {
            throw new IllegalArgumentException("missing " + (words.isEmpty() ? "URI and suite" : "suite"));
        }
        List<String> uris = List.of(words.get(0));
        List<String> suites = List.of(words.get(1));
        List<String> components = words.subList(2, words.size());
        SourceRules.checkUris(uris);
        SourceRules.checkComponents(suites, components);
        return new AptSource(List.of(type), uris, suites, components, options.signedBy, options.arches,
                options.trusted, options.checkValidUntil, at);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The bracketed options of one entry. */
    private static final class Options {
        SignedBy signedBy = SignedBy.NONE;
        List<String> arches = List.of();
        boolean trusted;
        boolean checkValidUntil = true;

        void add(String option) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option '" + option + "' is not of the form name=value");
            }
            String name = option.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = option.substring(eq + 1);
            if (name.endsWith("-")) {
                return; // arch-= removes from apt's default list; there is no default list here
            }
            if (name.endsWith("+")) {
                name = name.substring(0, name.length() - 1); // arch+= adds to an empty default list
            }
            switch (name) {
                case "signed-by" -> signedBy = SignedBy.parse(value, false);
                case "arch" -> arches = Arrays.stream(value.split(",")).filter(a -> !a.isEmpty()).toList();
                case "trusted" -> trusted = SourceRules.parseBoolean("trusted", value);
                case "check-valid-until" -> checkValidUntil = SourceRules.parseBoolean("check-valid-until", value);
                default -> {
                    // lang=, target=, pdiffs=, by-hash=, allow-insecure= ... do not change the package set
                }
            }
        }
    }
}
