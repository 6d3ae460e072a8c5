package org.remixstudio.engine.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a {@code Sources} index (Debian policy §5.5 and the repository format's "Sources
 * indices"): a source package version and the files that make it up, relative to {@code Directory}.
 *
 * @param name      the source package name ({@code Package} in a Sources index)
 * @param version   its version
 * @param directory the pool directory of its files, relative to the archive root (e.g. {@code pool/main/g/glibc})
 * @param files     its files with sizes and SHA-256
 * @param binaries  the binary packages it builds ({@code Binary})
 * @param origin    the verified index it came from (archive root, suite, component, Release digest)
 */
public record SourcePackage(String name, DebVersion version, String directory, List<SourceFile> files,
                            List<String> binaries, IndexOrigin origin) {

    public SourcePackage {
        files = List.copyOf(files);
        binaries = List.copyOf(binaries);
    }

    /** The {@code .dsc} file, which every Debian source package has. */
    public Optional<SourceFile> dsc() {
        return files.stream().filter(f -> f.name().endsWith(".dsc")).findFirst();
    }

    /** The URL of one of its files: archive root + directory + name. */
    public String url(SourceFile file) {
        String base = origin.baseUri().endsWith("/") ? origin.baseUri() : origin.baseUri() + "/";
        return base + directory + "/" + file.name();
    }

    /** {@code name version}, as named in messages. */
    @Override
    public String toString() {
        return name + " " + version;
    }
}
