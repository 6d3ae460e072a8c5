package org.remixstudio.engine.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.remixstudio.engine.license.CopyrightStanzas.Stanza;

/**
 * Reads machine-readable copyright files (copyright-format 1.0, once DEP-5). A file is one when its
 * first stanza has a {@code Format} field naming the format (§6.1; drafts used
 * {@code Format-Specification}); the header is that stanza (§5.1), stanzas with {@code Files} are
 * Files stanzas (§5.2) and the other stanzas with {@code License} are stand-alone License stanzas
 * (§5.3). Stanzas are split leniently ({@link CopyrightStanzas}), and a License stanza right after a
 * Files stanza that lacks one is taken as that stanza's (a stray blank line, as real files have).
 */
public final class Dep5Parser {

    /** The parsed file, or empty when it is not machine-readable. */
    public Optional<Dep5Copyright> parse(String text) {
        List<Stanza> stanzas = CopyrightStanzas.split(text);
        if (stanzas.isEmpty()) {
            return Optional.empty();
        }
        Stanza head = stanzas.get(0);
        String format = head.get("Format").or(() -> head.get("Format-Specification")).orElse("");
        if (!isCopyrightFormat(format)) {
            return Optional.empty();
        }
        Optional<Dep5Copyright.LicenseField> header = head.get("License").map(v -> field(v, head.line()));
        List<Dep5Copyright.FilesStanza> files = new ArrayList<>();
        List<Dep5Copyright.LicenseField> standalone = new ArrayList<>();
        for (Stanza s : stanzas.subList(1, stanzas.size())) {
            if (s.has("Files")) {
                List<String> patterns = List.of(s.get("Files").orElse("").strip().split("\\s+"));
                files.add(new Dep5Copyright.FilesStanza(patterns, field(s.get("License").orElse(""), s.line())));
            } else if (s.has("License")) {
                Dep5Copyright.LicenseField license = field(s.get("License").orElse(""), s.line());
                int last = files.size() - 1;
                if (last >= 0 && files.get(last).license().synopsis().isEmpty()
                        && files.get(last).license().text().isBlank()) {
                    // a blank line between a Files stanza's Copyright and its License: the License is the stanza's
                    files.set(last, new Dep5Copyright.FilesStanza(files.get(last).patterns(), license));
                } else {
                    standalone.add(license);
                }
            }
        }
        return Optional.of(new Dep5Copyright(format.strip(), header, files, standalone));
    }

    private static boolean isCopyrightFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        return f.contains("copyright-format") || f.contains("dep5") || f.contains("dep-5")
                || f.contains("/deps/dep5") || f.contains("machine-readable");
    }

    private static Dep5Copyright.LicenseField field(String value, int line) {
        int nl = value.indexOf('\n');
        String synopsis = nl < 0 ? value : value.substring(0, nl);
        String text = nl < 0 ? "" : value.substring(nl + 1);
        return new Dep5Copyright.LicenseField(synopsis.strip(), text, line);
    }
}
