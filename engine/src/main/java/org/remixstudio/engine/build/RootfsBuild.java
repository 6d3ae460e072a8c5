package org.remixstudio.engine.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * A built root filesystem.
 *
 * @param root         the tree
 * @param packages     the installed packages, in install order
 * @param configured   whether maintainer scripts ran ({@code dpkg -l} shows {@code ii}); {@code false} leaves
 *                     every package unpacked ({@code iU}), see {@link #warnings()}
 * @param sandbox      how the scripts ran; with {@link SandboxMode#USER_NAMESPACE} the owners on disk are the
 *                     user's subordinate ids (uid N inside is {@code subuid_start + N - 1} outside, uid 0 is
 *                     the user), so read the tree inside the same kind of namespace
 * @param specialFiles device nodes and FIFOs the image must hold but the tree does not (Java cannot
 *                     create them): the standard {@code /dev} nodes mmdebstrap makes, then those packages ship
 * @param warnings     things the user should know, e.g. why configuring was skipped
 * @param phases       time per phase
 */
public record RootfsBuild(Path root, List<BinaryPackage> packages, boolean configured, SandboxMode sandbox,
                          List<TreeEntry> specialFiles, List<String> warnings, List<PhaseTime> phases) {

    public RootfsBuild {
        packages = List.copyOf(packages);
        specialFiles = List.copyOf(specialFiles);
        warnings = List.copyOf(warnings);
        phases = List.copyOf(phases);
    }

    /** Total wall-clock time of all phases. */
    public Duration total() {
        return phases.stream().map(PhaseTime::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
