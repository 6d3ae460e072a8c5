package org.remixstudio.engine.catalog;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.remixstudio.engine.control.Deb822Parser;
import org.remixstudio.engine.control.Paragraph;

/**
 * Turns a {@code Packages} index (Debian policy §5.3; the archive's
 * {@code dists/SUITE/COMPONENT/binary-ARCH/Packages}) into {@link BinaryPackage} values. Strings that
 * repeat across entries (architectures, sections, relation names) are shared to keep the heap small.
 */
public final class PackagesIndexParser {

    private final String originName;
    private final IndexOrigin origin;
    private final Map<String, String> strings = new HashMap<>();

    /**
     * @param originName what is parsed (URL or path), named in errors
     * @param origin     recorded on every package
     */
    public PackagesIndexParser(String originName, IndexOrigin origin) {
        this.originName = originName;
        this.origin = origin;
    }

    public List<BinaryPackage> parse(Reader reader) throws IOException {
        List<BinaryPackage> out = new ArrayList<>();
        parse(reader, out::add);
        return out;
    }

    public void parse(Reader reader, Consumer<BinaryPackage> sink) throws IOException {
        new Deb822Parser(originName).parse(reader, p -> sink.accept(toPackage(p)));
    }

    /** Converts one paragraph; errors name the index, line and package. */
    public BinaryPackage toPackage(Paragraph p) {
        String name = p.get("Package").orElseThrow(() -> new IndexFormatException(
                originName + ", line " + p.line() + ": entry without a Package field"));
        try {
            DebVersion version = DebVersion.parse(require(p, "Version", name));
            String source = name;
            DebVersion sourceVersion = version;
            String src = p.get("Source").orElse(null);
            if (src != null) {
                int paren = src.indexOf('(');
                if (paren >= 0) {
                    source = src.substring(0, paren).strip();
                    sourceVersion = DebVersion.parse(src.substring(paren + 1, src.indexOf(')', paren)));
                } else {
                    source = src.strip();
                }
            }
            String description = p.get("Description", "");
            int nl = description.indexOf('\n');
            String shortDescription = nl < 0 ? description : description.substring(0, nl);
            String longDescription = nl < 0 ? "" : description.substring(nl + 1);
            return new BinaryPackage(
                    name.intern(),
                    version,
                    share(require(p, "Architecture", name)),
                    MultiArch.parse(p.get("Multi-Arch", null)),
                    "yes".equalsIgnoreCase(p.get("Essential", "no").strip()),
                    "yes".equalsIgnoreCase(p.get("Protected", "no").strip())
                            || "yes".equalsIgnoreCase(p.get("Important", "no").strip()),
                    Priority.parse(p.get("Priority", null)),
                    share(p.get("Section", "")),
                    parseLong(p.get("Installed-Size", "0"), "Installed-Size", name),
                    parseLong(p.get("Size", "0"), "Size", name),
                    p.get("SHA256", ""),
                    p.get("Filename", ""),
                    share(source),
                    sourceVersion,
                    RelationParser.parse(p.get("Depends", null)),
                    RelationParser.parse(p.get("Pre-Depends", null)),
                    RelationParser.parse(p.get("Recommends", null)),
                    RelationParser.parse(p.get("Suggests", null)),
                    RelationParser.parse(p.get("Conflicts", null)),
                    RelationParser.parse(p.get("Breaks", null)),
                    RelationParser.parse(p.get("Replaces", null)),
                    RelationParser.parse(p.get("Enhances", null)),
                    flatten(RelationParser.parse(p.get("Provides", null))),
                    shortDescription,
                    longDescription,
                    p.get("Homepage", ""),
                    origin);
        } catch (IllegalArgumentException e) {
            throw new IndexFormatException(originName + ", line " + p.line() + ", package " + name + ": " + e.getMessage());
        }
    }

    private static List<PackageRelation> flatten(List<RelationGroup> groups) {
        List<PackageRelation> out = new ArrayList<>(groups.size());
        for (RelationGroup g : groups) {
            out.addAll(g.alternatives());
        }
        return List.copyOf(out);
    }

    private static String require(Paragraph p, String field, String pkg) {
        return p.get(field).orElseThrow(() -> new IllegalArgumentException("missing " + field + " field"));
    }

    private static long parseLong(String value, String field, String pkg) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a number");
        }
    }

    private String share(String s) {
        return strings.computeIfAbsent(s, k -> k);
    }
}
