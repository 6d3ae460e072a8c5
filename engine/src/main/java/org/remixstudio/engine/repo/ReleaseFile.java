package org.remixstudio.engine.repo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a {@code Release} (or {@code InRelease} body) that matter for reading indexes
 * (the Debian repository format, "Release files"). Dates are {@code null} when absent.
 *
 * @param noSupportForArchitectureAll the {@code No-Support-for-Architecture-all} value ({@code Packages}
 *                                    means the {@code binary-ARCH} indexes include the arch:all packages)
 * @param version                     the {@code Version} field (e.g. {@code 12.8}), empty when absent (testing, sid)
 * @param sha256Files                 the {@code SHA256} list: path relative to the Release's directory → entry
 */
public record ReleaseFile(
        String origin,
        String label,
        String suite,
        String codename,
        String version,
        Instant date,
        Instant validUntil,
        List<String> architectures,
        List<String> components,
        boolean acquireByHash,
        String noSupportForArchitectureAll,
        Map<String, IndexFileEntry> sha256Files) {

    public ReleaseFile {
        architectures = List.copyOf(architectures);
        components = List.copyOf(components);
        sha256Files = Map.copyOf(sha256Files);
    }

    /** The entry for a path such as {@code main/binary-amd64/Packages.xz}. */
    public Optional<IndexFileEntry> file(String path) {
        return Optional.ofNullable(sha256Files.get(path));
    }

    /** Whether {@code binary-ARCH} indexes already carry the arch:all packages. */
    public boolean archIndexesIncludeAll() {
        return noSupportForArchitectureAll != null
                && List.of(noSupportForArchitectureAll.split("\\s+")).contains("Packages");
    }
}
