package org.remixstudio.engine.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.catalog.SourceFile;
import org.remixstudio.engine.catalog.SourcePackage;
import org.remixstudio.engine.io.AtomicFiles;

/**
 * {@code source-bundle.json}: which source each binary of the image was built from, and where that
 * source's files are in the bundle (docs/sbom.md, "Source bundle"). Binaries and sources are sorted,
 * so the same image gives the same file.
 *
 * <pre>{@code
 * {"format": 1,
 *  "binaries": [{"name": "libgcc-s1", "version": "12.2.0-14", "architecture": "amd64",
 *                "source": {"name": "gcc-12", "version": "12.2.0-14"}}, …],
 *  "sources": [{"name": "gcc-12", "version": "12.2.0-14", "archive": "http://…/debian/", "suite": "bookworm",
 *               "component": "main", "dsc": "pool/main/g/gcc-12/gcc-12_12.2.0-14.dsc",
 *               "files": [{"name": "gcc-12_12.2.0-14.dsc", "path": "pool/main/g/gcc-12/gcc-12_12.2.0-14.dsc",
 *                          "size": 31035, "sha256": "…"}, …]}, …],
 *  "missing": [{"binary": "…", "version": "…", "architecture": "…", "source": "…", "sourceVersion": "…"}]}
 * }</pre>
 */
final class SourceBundleIndex {

    static final int FORMAT = 1;

    private final List<SourceMatch> matches;
    private final Path dir;

    SourceBundleIndex(List<SourceMatch> matches, Path dir) {
        this.matches = matches.stream().sorted(Comparator.comparing((SourceMatch m) -> m.binary().name())
                .thenComparing(m -> m.binary().architecture())).toList();
        this.dir = dir;
    }

    byte[] toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        ArrayNode binaries = root.putArray("binaries");
        Map<String, SourcePackage> sources = new LinkedHashMap<>();
        ArrayNode missing = f.arrayNode();
        for (SourceMatch m : matches) {
            if (!m.found()) {
                ObjectNode x = missing.addObject();
                x.put("binary", m.binary().name());
                x.put("version", m.binary().version().toString());
                x.put("architecture", m.binary().architecture());
                x.put("source", m.binary().source());
                x.put("sourceVersion", m.binary().sourceVersion().toString());
                continue;
            }
            ObjectNode b = binaries.addObject();
            b.put("name", m.binary().name());
            b.put("version", m.binary().version().toString());
            b.put("architecture", m.binary().architecture());
            ObjectNode src = b.putObject("source");
            src.put("name", m.source().name());
            src.put("version", m.source().version().toString());
            sources.putIfAbsent(m.source().name() + " " + m.source().version(), m.source());
        }
        ArrayNode out = root.putArray("sources");
        sources.values().stream().sorted(Comparator.comparing(SourcePackage::name)
                .thenComparing(SourcePackage::version)).forEach(s -> {
                    ObjectNode o = out.addObject();
                    o.put("name", s.name());
                    o.put("version", s.version().toString());
                    o.put("archive", s.origin().baseUri());
                    o.put("suite", s.origin().suite());
                    o.put("component", s.origin().component());
                    s.dsc().ifPresent(d -> o.put("dsc", relative(s, d)));
                    ArrayNode files = o.putArray("files");
                    for (SourceFile file : s.files()) {
                        ObjectNode fo = files.addObject();
                        fo.put("name", file.name());
                        fo.put("path", relative(s, file));
                        fo.put("size", file.size());
                        fo.put("sha256", file.sha256());
                    }
                });
        root.set("missing", missing);
        try {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            String text = new ObjectMapper().writer(new DefaultPrettyPrinter().withObjectIndenter(indenter)
                    .withArrayIndenter(indenter)).writeValueAsString(root);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The file's path inside the bundle, with {@code /} separators. */
    private String relative(SourcePackage s, SourceFile file) {
        Path root = dir.toAbsolutePath().normalize();
        return root.relativize(SourceBundler.target(dir, s, file)).toString().replace('\\', '/');
    }

    void write(Path target) {
        try {
            AtomicFiles.writeBytes(target, toJson());
        } catch (IOException e) {
            throw new EngineException("Cannot write " + target + " (" + e.getMessage() + "). Check that the directory"
                    + " is writable and has space.", e);
        }
    }
}
