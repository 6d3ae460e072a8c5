package org.remixstudio.engine.inspect;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;

/**
 * The packages of a {@code var/lib/dpkg/status} file (dpkg(1), deb822 paragraphs with
 * {@code Package}, {@code Version}, {@code Architecture} and {@code Status: want flag state}). A
 * package counts as present in every state but {@code not-installed} and {@code config-files}, the
 * states in which its files are gone.
 */
final class DpkgStatus {

    /** No status file at all: nothing installed. */
    static final DpkgStatus NONE = new DpkgStatus(Map.of());

    private final Map<String, DpkgPackage> packages;

    private DpkgStatus(Map<String, DpkgPackage> packages) {
        this.packages = packages;
    }

    /**
     * @param origin names the file in error messages (archive, layer, path)
     */
    static DpkgStatus parse(byte[] content, String origin) {
        Map<String, DpkgPackage> found = new TreeMap<>();
        try {
            for (Paragraph p : new Deb822Parser(origin).parseAll(
                    new StringReader(new String(content, StandardCharsets.UTF_8)))) {
                String name = p.get("Package", "");
                String status = p.get("Status", "").trim();
                String state = status.substring(status.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
                if (name.isEmpty() || state.equals("not-installed") || state.equals("config-files")) {
                    continue;
                }
                DpkgPackage pkg = new DpkgPackage(name, p.get("Version", ""), p.get("Architecture", ""));
                found.put(pkg.key(), pkg);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
        return new DpkgStatus(Collections.unmodifiableMap(found));
    }

    /** Present packages by {@code name:arch}, sorted. */
    Map<String, DpkgPackage> packages() {
        return packages;
    }
}
