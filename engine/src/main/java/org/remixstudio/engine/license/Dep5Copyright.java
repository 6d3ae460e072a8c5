package org.remixstudio.engine.license;

import java.util.List;
import java.util.Optional;

/**
 * A machine-readable copyright file (copyright-format 1.0) as far as licenses go.
 *
 * @param format     the header's {@code Format} value (§6.1)
 * @param header     the header stanza's {@code License} (§5.1: the package as a whole), if it has one
 * @param files      the Files stanzas in order (§5.2)
 * @param standalone the stand-alone License stanzas (§5.3): short name synopsis → full text
 */
public record Dep5Copyright(String format, Optional<LicenseField> header, List<FilesStanza> files,
                            List<LicenseField> standalone) {

    public Dep5Copyright {
        files = List.copyOf(files);
        standalone = List.copyOf(standalone);
    }

    /**
     * A {@code License} field (§6.7): its first line (synopsis) and the remaining text.
     *
     * @param synopsis short names as written
     * @param text     the license text or pointer below the synopsis, possibly empty
     * @param line     the line of the stanza in the file
     */
    public record LicenseField(String synopsis, String text, int line) {
    }

    /**
     * A Files stanza (§5.2).
     *
     * @param patterns the {@code Files} patterns (§6.9), whitespace-separated
     * @param license  its {@code License} field; a stanza without one has an empty synopsis
     */
    public record FilesStanza(List<String> patterns, LicenseField license) {
        public FilesStanza {
            patterns = List.copyOf(patterns);
        }

        /** Whether the stanza covers every file not matched by a later one ({@code Files: *}). */
        public boolean coversAll() {
            return patterns.contains("*");
        }
    }
}
