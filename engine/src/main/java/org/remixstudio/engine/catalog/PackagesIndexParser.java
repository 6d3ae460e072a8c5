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
        String name = p.get("Package").map(String::strip).filter(n -> !n.isEmpty())
                .orElseThrow(() -> new IndexFormatException(
                        originName + ", line " + p.line() + ": entry without a Package name"));
        try {
            DebVersion version = DebVersion.parse(require(p, "Version"));
            String source = name;
            DebVersion sourceVersion = version;
            String src = p.get("Source").orElse(null);
            if (src != null) {
                // Policy §5.6.1: "Source: name (version)" when the source version differs.
                int paren = src.indexOf('(');
                int close = src.indexOf(')', Math.max(paren, 0));
                if (paren >= 0 && (close < 0 || !src.substring(close + 1).isBlank())) {
                    throw new IllegalArgumentException("Source '" + src + "' is not 'name (version)'");
                }
                source = (paren >= 0 ? src.substring(0, paren) : src).strip();
                if (source.isEmpty() || source.indexOf(' ') >= 0) {
                    throw new IllegalArgumentException("Source '" + src + "' does not start with a package name");
                }
                if (paren >= 0) {
                    try {
                        sourceVersion = DebVersion.parse(src.substring(paren + 1, close));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Source '" + src + "': " + e.getMessage(), e);
                    }
                }
            }
            String description = p.get("Description", "");
            int nl = description.indexOf('\n');
            String shortDescription = nl < 0 ? description : description.substring(0, nl);
            String longDescription = nl < 0 ? "" : description.substring(nl + 1);
            return new BinaryPackage(
                    name.intern(),
                    version,
                    share(require(p, "Architecture")),
                    MultiArch.parse(p.get("Multi-Arch", null)),
                    "yes".equalsIgnoreCase(p.get("Essential", "no").strip()),
                    "yes".equalsIgnoreCase(p.get("Protected", "no").strip())
                            || "yes".equalsIgnoreCase(p.get("Important", "no").strip()),
                    Priority.parse(p.get("Priority", null)),
                    share(p.get("Section", "")),
                    parseLong(p.get("Installed-Size", "0"), "Installed-Size"),
                    parseLong(p.get("Size", "0"), "Size"),
                    p.get("SHA256", ""),
                    p.get("Filename", ""),
                    share(source),
                    sourceVersion,
                    relations(p, "Depends"),
                    relations(p, "Pre-Depends"),
                    relations(p, "Recommends"),
                    relations(p, "Suggests"),
                    relations(p, "Conflicts"),
                    relations(p, "Breaks"),
                    relations(p, "Replaces"),
                    relations(p, "Enhances"),
                    provides(p.get("Provides", null)),
                    shortDescription,
                    longDescription,
                    p.get("Homepage", ""),
                    origin,
                    share(p.get("Maintainer", "")));
        } catch (IllegalArgumentException e) {
            throw new IndexFormatException(originName + ", line " + p.line() + ", package " + name + ": " + e.getMessage());
        }
    }

    /** Policy §7.5: Provides lists names, each optionally with an exact {@code (= version)}. */
    private static List<PackageRelation> provides(String field) {
        List<RelationGroup> groups = RelationParser.parse(field);
        List<PackageRelation> out = new ArrayList<>(groups.size());
        for (RelationGroup g : groups) {
            if (g.alternatives().size() > 1) {
                throw new IllegalArgumentException("Provides '" + field + "' uses alternatives ('|'), which are not allowed");
            }
            PackageRelation pr = g.alternatives().get(0);
            if (pr.isVersioned() && pr.op() != VersionOp.EQ) {
                throw new IllegalArgumentException("Provides '" + field + "' gives '" + pr
                        + "'; only exact versions '(= version)' may be provided");
            }
            out.add(pr);
        }
        return List.copyOf(out);
    }

    private static String require(Paragraph p, String field) {
        String value = p.get(field).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("missing or empty " + field + " field");
        }
        return value;
    }

    private static List<RelationGroup> relations(Paragraph p, String field) {
        try {
            return RelationParser.parse(p.get(field, null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static long parseLong(String value, String field) {
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
