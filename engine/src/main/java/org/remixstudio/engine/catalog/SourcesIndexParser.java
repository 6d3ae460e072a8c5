package org.remixstudio.engine.catalog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;

/**
 * Turns a {@code Sources} index ({@code dists/SUITE/COMPONENT/source/Sources}; Debian policy §5.5, the
 * repository format's "Sources indices") into {@link SourcePackage} values: {@code Package},
 * {@code Version}, {@code Directory}, {@code Binary} and the {@code Checksums-Sha256} file list
 * ({@code SHA256 SIZE NAME} per continuation line). Entries whose name the filter refuses are skipped
 * before anything but their name is read, so a 50 MB index costs little when a few sources are wanted.
 */
public final class SourcesIndexParser {

    private final String originName;
    private final IndexOrigin origin;

    /**
     * @param originName what is parsed (URL or path), named in errors
     * @param origin     recorded on every entry
     */
    public SourcesIndexParser(String originName, IndexOrigin origin) {
        this.originName = originName;
        this.origin = origin;
    }

    public List<SourcePackage> parse(Reader reader) throws IOException {
        List<SourcePackage> out = new ArrayList<>();
        parse(reader, name -> true, out::add);
        return out;
    }

    /** Parses the entries whose {@code Package} name {@code wanted} accepts. */
    public void parse(Reader reader, Predicate<String> wanted, Consumer<SourcePackage> sink) throws IOException {
        new Deb822Parser(originName).parse(reader, p -> {
            String name = p.get("Package").map(String::strip).orElse("");
            if (name.isEmpty()) {
                throw new IndexFormatException(originName + ", line " + p.line() + ": entry without a Package name");
            }
            if (wanted.test(name)) {
                sink.accept(toSource(name, p));
            }
        });
    }

    private SourcePackage toSource(String name, Paragraph p) {
        String where = originName + ", line " + p.line() + ", source package " + name;
        try {
            DebVersion version = DebVersion.parse(p.get("Version").map(String::strip)
                    .orElseThrow(() -> new IllegalArgumentException("missing Version")));
            String directory = p.get("Directory").map(String::strip)
                    .orElseThrow(() -> new IllegalArgumentException("missing Directory"));
            if (directory.startsWith("/") || List.of(directory.split("/")).contains("..")) {
                throw new IllegalArgumentException("Directory '" + directory + "' leaves the archive");
            }
            String checksums = p.get("Checksums-Sha256")
                    .orElseThrow(() -> new IllegalArgumentException("missing Checksums-Sha256"));
            List<SourceFile> files = new ArrayList<>();
            for (String line : checksums.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+");
                if (parts.length != 3 || !parts[0].matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalArgumentException("malformed Checksums-Sha256 line '" + line.strip() + "'");
                }
                String file = parts[2];
                if (file.contains("/") || file.equals(".") || file.equals("..")) {
                    throw new IllegalArgumentException("file name '" + file + "' is not a plain name");
                }
                files.add(new SourceFile(file, Long.parseLong(parts[1]), parts[0].toLowerCase(java.util.Locale.ROOT)));
            }
            if (files.stream().noneMatch(f -> f.name().endsWith(".dsc"))) {
                throw new IllegalArgumentException("no .dsc among its files");
            }
            List<String> binaries = new ArrayList<>();
            for (String b : p.get("Binary", "").split(",")) {
                if (!b.isBlank()) {
                    binaries.add(b.strip());
                }
            }
            return new SourcePackage(name, version, directory, files, binaries, origin);
        } catch (IllegalArgumentException e) {
            throw new IndexFormatException(where + ": " + e.getMessage());
        }
    }
}
