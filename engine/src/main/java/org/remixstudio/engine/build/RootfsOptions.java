package org.remixstudio.engine.build;

import java.util.List;
import java.util.Set;
import org.remixstudio.engine.build.sandbox.SandboxMode;

/**
 * How {@link RootfsBuilder} builds a tree.
 *
 * @param architecture    the native Debian architecture, written to {@code /var/lib/dpkg/arch}
 * @param aptSources      one-line {@code sources.list} entries ({@code deb URI SUITE COMPONENTS}) written to
 *                        {@code /etc/apt/sources.list} as mmdebstrap writes them, so apt inside the image
 *                        knows where its packages came from; empty writes no sources
 * @param autoInstalled   names of packages installed only as dependencies; apt's
 *                        {@code /var/lib/apt/extended_states} marks them so {@code apt autoremove} works
 * @param sandbox         how to run maintainer scripts, or {@code null} to detect ({@link
 *                        org.remixstudio.engine.build.sandbox.Sandbox#detect()})
 * @param unpackThreads   packages extracted at once
 * @param sourceDateEpoch {@code SOURCE_DATE_EPOCH} for maintainer scripts (seconds), or {@code null}
 */
public record RootfsOptions(String architecture, List<String> aptSources, Set<String> autoInstalled,
                            SandboxMode sandbox, int unpackThreads, Long sourceDateEpoch) {

    public RootfsOptions {
        aptSources = List.copyOf(aptSources);
        autoInstalled = Set.copyOf(autoInstalled);
        unpackThreads = Math.max(1, unpackThreads);
    }

    /** amd64-style defaults for {@code architecture}: no sources written, detected sandbox, one thread per core. */
    public static RootfsOptions defaults(String architecture) {
        return new RootfsOptions(architecture, List.of(), Set.of(), null,
                Runtime.getRuntime().availableProcessors(), null);
    }

    public RootfsOptions withAptSources(List<String> lines) {
        return new RootfsOptions(architecture, lines, autoInstalled, sandbox, unpackThreads, sourceDateEpoch);
    }

    public RootfsOptions withAutoInstalled(Set<String> names) {
        return new RootfsOptions(architecture, aptSources, names, sandbox, unpackThreads, sourceDateEpoch);
    }

    public RootfsOptions withSandbox(SandboxMode mode) {
        return new RootfsOptions(architecture, aptSources, autoInstalled, mode, unpackThreads, sourceDateEpoch);
    }

    public RootfsOptions withSourceDateEpoch(Long epoch) {
        return new RootfsOptions(architecture, aptSources, autoInstalled, sandbox, unpackThreads, epoch);
    }
}
