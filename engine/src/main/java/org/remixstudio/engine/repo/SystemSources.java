package org.remixstudio.engine.repo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.remixstudio.engine.api.EngineException;

/**
 * The apt sources and default keyrings of a system root, read as apt reads them: first
 * {@code etc/apt/sources.list}, then the files of {@code etc/apt/sources.list.d/} in file-name order
 * ({@code *.list} one-line style, {@code *.sources} deb822 style; other names are ignored, as apt
 * does). The root is {@code /} in production and a temporary directory in tests.
 */
public final class SystemSources {

    private final Path root;

    public SystemSources(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Every enabled source entry of the root, in apt's order.
     *
     * @throws EngineException naming the file (and line) that cannot be read or parsed
     */
    public List<AptSource> read() {
        List<AptSource> out = new ArrayList<>();
        Path main = root.resolve("etc/apt/sources.list");
        if (Files.isRegularFile(main)) {
            out.addAll(readFile(main));
        }
        for (Path f : listDir(root.resolve("etc/apt/sources.list.d"))) {
            String name = f.getFileName().toString();
            if (name.endsWith(".list") || name.endsWith(".sources")) {
                out.addAll(readFile(f));
            }
        }
        return out;
    }

    /** Reads one file, choosing the format by its name ({@code .sources} is deb822). */
    public static List<AptSource> readFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String name = file.toString();
            return name.endsWith(".sources")
                    ? new Deb822SourcesParser(name).parse(r)
                    : new OneLineSourcesParser(name).parse(r);
        } catch (IOException e) {
            throw new EngineException("Cannot read apt sources file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The keyrings apt uses for a source without {@code Signed-By}: {@code etc/apt/trusted.gpg.d/*.gpg}
     * and {@code *.asc} in file-name order, then {@code etc/apt/trusted.gpg} (apt-key(8), "FILES").
     */
    public List<Path> trustedKeyrings() {
        List<Path> out = new ArrayList<>();
        for (Path f : listDir(root.resolve("etc/apt/trusted.gpg.d"))) {
            String name = f.getFileName().toString();
            if (name.endsWith(".gpg") || name.endsWith(".asc")) {
                out.add(f);
            }
        }
        Path legacy = root.resolve("etc/apt/trusted.gpg");
        if (Files.isRegularFile(legacy)) {
            out.add(legacy);
        }
        return out;
    }

    private static List<Path> listDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
