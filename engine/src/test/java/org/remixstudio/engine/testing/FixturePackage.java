package org.remixstudio.engine.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The control fields of one fixture {@code .deb} (Debian policy §5.3), built fluently:
 * <pre>{@code
 * FixturePackage.of("libfoo1", "1.2-3").arch("amd64").depends("libc6 (>= 2.36)").multiArch("same")
 * FixturePackage.of("base-files", "12").essential().priority("required")
 * }</pre>
 * Immutable: every method returns a changed copy, so a common base can be reused.
 */
public final class FixturePackage {

    private final Map<String, String> fields;
    private final Map<String, String> files;

    private FixturePackage(Map<String, String> fields) {
        this(fields, Map.of());
    }

    private FixturePackage(Map<String, String> fields, Map<String, String> files) {
        this.fields = fields;
        this.files = files;
    }

    /** A regular file in the package's tree, e.g. {@code usr/share/doc/NAME/copyright}. */
    public FixturePackage file(String path, String content) {
        Map<String, String> f = new LinkedHashMap<>(files);
        f.put(path, content);
        return new FixturePackage(fields, f);
    }

    /** The files given with {@link #file}, tree path to content. */
    Map<String, String> files() {
        return files;
    }

    /** A package for amd64 with the given name and version, priority optional, section misc. */
    public static FixturePackage of(String name, String version) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Package", Objects.requireNonNull(name));
        f.put("Version", Objects.requireNonNull(version));
        f.put("Architecture", "amd64");
        f.put("Maintainer", "Fixture Maintainer <fixture@fixture.invalid>");
        f.put("Priority", "optional");
        f.put("Section", "misc");
        f.put("Description", "fixture package " + name + "\n made by FixtureRepository for tests.");
        return new FixturePackage(f);
    }

    /** Sets any control field (an empty value removes it). */
    public FixturePackage field(String name, String value) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        if (value == null || value.isEmpty()) {
            f.remove(name);
        } else {
            f.put(name, value);
        }
        return new FixturePackage(f, files);
    }

    public FixturePackage arch(String arch) {
        return field("Architecture", arch);
    }

    public FixturePackage depends(String value) {
        return field("Depends", value);
    }

    public FixturePackage preDepends(String value) {
        return field("Pre-Depends", value);
    }

    public FixturePackage recommends(String value) {
        return field("Recommends", value);
    }

    public FixturePackage suggests(String value) {
        return field("Suggests", value);
    }

    public FixturePackage conflicts(String value) {
        return field("Conflicts", value);
    }

    public FixturePackage breaks(String value) {
        return field("Breaks", value);
    }

    public FixturePackage replaces(String value) {
        return field("Replaces", value);
    }

    public FixturePackage provides(String value) {
        return field("Provides", value);
    }

    public FixturePackage essential() {
        return field("Essential", "yes");
    }

    public FixturePackage priority(String value) {
        return field("Priority", value);
    }

    public FixturePackage section(String value) {
        return field("Section", value);
    }

    public FixturePackage multiArch(String value) {
        return field("Multi-Arch", value);
    }

    /** {@code Source: name} or {@code Source: name (version)}. */
    public FixturePackage source(String value) {
        return field("Source", value);
    }

    public FixturePackage homepage(String value) {
        return field("Homepage", value);
    }

    /** The short description, and a one-line long description. */
    public FixturePackage description(String shortDescription) {
        return field("Description", shortDescription + "\n " + shortDescription + " (long).");
    }

    public String name() {
        return fields.get("Package");
    }

    public String version() {
        return fields.get("Version");
    }

    public String architecture() {
        return fields.get("Architecture");
    }

    /** The source package name: {@code Source} without a version, or the package's own name. */
    public String sourceName() {
        String src = fields.get("Source");
        if (src == null) {
            return name();
        }
        int paren = src.indexOf('(');
        return (paren < 0 ? src : src.substring(0, paren)).strip();
    }

    /** The source version: the one in parentheses of {@code Source: name (version)}, else the package's version. */
    public String sourceVersion() {
        String src = fields.get("Source");
        int paren = src == null ? -1 : src.indexOf('(');
        return paren < 0 ? version() : src.substring(paren + 1, src.indexOf(')', paren)).strip();
    }

    /** The {@code DEBIAN/control} text. */
    String controlText() {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** {@code name_version_arch.deb} without the epoch, as dpkg names it. */
    String debFileName() {
        String v = version();
        int colon = v.indexOf(':');
        return name() + "_" + (colon >= 0 ? v.substring(colon + 1) : v) + "_" + architecture() + ".deb";
    }

    @Override
    public String toString() {
        return name() + " " + version() + " [" + architecture() + "]";
    }
}
