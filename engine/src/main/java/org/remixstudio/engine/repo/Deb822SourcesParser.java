package org.remixstudio.engine.repo;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.control.ControlSyntaxException;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;

/**
 * Parses {@code *.sources} files: the deb822 style of sources.list(5), section "DEB822-STYLE FORMAT".
 * Each stanza has {@code Types}, {@code URIs}, {@code Suites}, {@code Components} and the options
 * {@code Signed-By}, {@code Architectures}, {@code Trusted}, {@code Check-Valid-Until} and
 * {@code Enabled}; a stanza with {@code Enabled: no} is skipped. Other options are accepted and
 * ignored, as they do not change which packages exist.
 */
public final class Deb822SourcesParser {

    private final String fileName;

    /** @param fileName the file being read, named in errors */
    public Deb822SourcesParser(String fileName) {
        this.fileName = fileName;
    }

    /** @throws EngineException naming the file and line of a malformed stanza */
    public List<AptSource> parse(Reader reader) throws IOException {
        List<Paragraph> stanzas;
        try {
            stanzas = new Deb822Parser(fileName).parseAll(reader);
        } catch (ControlSyntaxException e) {
            throw new EngineException(e.getMessage() + ". Fix the file's deb822 syntax (see sources.list(5)).");
        }
        List<AptSource> out = new ArrayList<>();
        for (Paragraph p : stanzas) {
            SourceLocation at = new SourceLocation(fileName, p.line());
            try {
                if (!yesNo(p, "Enabled", true)) {
                    continue;
                }
                out.add(toSource(p, at));
            } catch (IllegalArgumentException e) {
                throw new EngineException(at + ": " + e.getMessage() + ". Fix the stanza (see sources.list(5)).");
            }
        }
        return out;
    }

    private static AptSource toSource(Paragraph p, SourceLocation at) {
        List<String> types = words(p, "Types");
        for (String t : types) {
            if (!t.equals("deb") && !t.equals("deb-src")) {
                throw new IllegalArgumentException("unknown type '" + t + "' (expected deb or deb-src)");
            }
        }
        List<String> uris = words(p, "URIs");
        List<String> suites = words(p, "Suites");
        List<String> components = p.get("Components").map(Deb822SourcesParser::split).orElse(List.of());
        require(types, "Types");
        require(uris, "URIs");
        require(suites, "Suites");
        SourceRules.checkUris(uris);
        SourceRules.checkComponents(suites, components);
        SignedBy signedBy = p.get("Signed-By").map(v -> SignedBy.parse(v, true)).orElse(SignedBy.NONE);
        List<String> arches = p.get("Architectures").map(Deb822SourcesParser::split).orElse(List.of());
        return new AptSource(types, uris, suites, components, signedBy, arches,
                yesNo(p, "Trusted", false), yesNo(p, "Check-Valid-Until", true), at);
    }

    private static List<String> words(Paragraph p, String field) {
        return p.get(field).map(Deb822SourcesParser::split).orElse(List.of());
    }

    private static void require(List<String> values, String field) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("missing or empty field " + field);
        }
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean yesNo(Paragraph p, String field, boolean fallback) {
        String v = p.get(field).map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse(null);
        if (v == null) {
            return fallback;
        }
        return SourceRules.parseBoolean(field, v);
    }
}
