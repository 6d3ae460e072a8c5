package org.remixstudio.engine.license;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SPDX License List's license and exception identifiers, kept as data files beside this class
 * ({@code spdx-licenses.txt}, {@code spdx-exceptions.txt}) so that updating them is a data change.
 * Identifiers match case-insensitively (SPDX 2.3 Annex D: "License identifiers ... are case
 * insensitive"), and lookups return the list's own spelling.
 */
public final class SpdxLicenseList {

    private final Map<String, String> licenses;
    private final Set<String> deprecated;
    private final Map<String, String> exceptions;

    private SpdxLicenseList(Map<String, String> licenses, Set<String> deprecated, Map<String, String> exceptions) {
        this.licenses = licenses;
        this.deprecated = deprecated;
        this.exceptions = exceptions;
    }

    /** The list shipped with the engine. */
    public static SpdxLicenseList bundled() {
        Map<String, String> licenses = new LinkedHashMap<>();
        Set<String> deprecated = new TreeSet<>();
        for (String line : lines("spdx-licenses.txt")) {
            String[] parts = line.split("\\s+");
            licenses.put(parts[0].toLowerCase(Locale.ROOT), parts[0]);
            if (parts.length > 1 && parts[1].equals("deprecated")) {
                deprecated.add(parts[0]);
            }
        }
        Map<String, String> exceptions = new LinkedHashMap<>();
        for (String line : lines("spdx-exceptions.txt")) {
            exceptions.put(line.toLowerCase(Locale.ROOT), line);
        }
        return new SpdxLicenseList(Collections.unmodifiableMap(licenses), Collections.unmodifiableSet(deprecated),
                Collections.unmodifiableMap(exceptions));
    }

    /** The list's spelling of a license id (current or deprecated), matched case-insensitively. */
    public Optional<String> license(String id) {
        return Optional.ofNullable(licenses.get(id.toLowerCase(Locale.ROOT)));
    }

    /** Whether the id (in the list's spelling) is deprecated, such as {@code GPL-2.0} for {@code GPL-2.0-only}. */
    public boolean isDeprecated(String id) {
        return deprecated.contains(id);
    }

    /** The list's spelling of an exception id, matched case-insensitively. */
    public Optional<String> exception(String id) {
        return Optional.ofNullable(exceptions.get(id.toLowerCase(Locale.ROOT)));
    }

    /** Every exception id, in the list's spelling. */
    public Iterable<String> exceptions() {
        return exceptions.values();
    }

    /** Every current (not deprecated) license id. */
    public Set<String> currentLicenses() {
        Set<String> out = new TreeSet<>(licenses.values());
        out.removeAll(deprecated);
        return out;
    }

    /** Data lines of a resource beside this class: blank lines and {@code #} comments left out. */
    static List<String> lines(String resource) {
        InputStream in = SpdxLicenseList.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " is missing from the engine's jar");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
        return out;
    }
}
