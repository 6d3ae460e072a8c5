package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.remixstudio.engine.spec.RemixSpecFiles;

/**
 * What {@link RemixEngine#build} builds.
 *
 * @param spec         the {@code NAME.remix.json} file
 * @param output       the file (a directory for {@link Format#OCI_DIR}) to write
 * @param format       what to write
 * @param squash       one layer with the final tree instead of one per spec layer
 * @param tag          {@code name:tag} the image loads as, or {@code null} for {@code SPECNAME:latest}
 * @param extraSources one-line source entries used besides the spec's sources
 * @param lock         a {@code NAME.remix.lock.json} whose package set the build must install exactly
 *                     (else it fails listing what moved), or {@code null} to install what the spec
 *                     resolves to now
 */
public record BuildRequest(Path spec, Path output, Format format, boolean squash, String tag, List<String> extraSources,
                           Path lock) {

    /** Output formats. */
    public enum Format {
        /** One tar that is an OCI image layout and a docker-archive at once. */
        OCI,
        /** An OCI image layout directory. */
        OCI_DIR,
        /** A plain tar of the final root filesystem. */
        ROOTFS
    }

    public BuildRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        extraSources = List.copyOf(extraSources);
    }

    /** A build of what the spec resolves to now (no lock). */
    public BuildRequest(Path spec, Path output, Format format, boolean squash, String tag, List<String> extraSources) {
        this(spec, output, format, squash, tag, extraSources, null);
    }

    /** The same build, held to the lock file beside the spec ({@code NAME.remix.lock.json}, as {@code remix lock} writes it). */
    public BuildRequest withLockBesideSpec() {
        return withLock(RemixSpecFiles.lockFileFor(spec));
    }

    /** The same build, held to a lock file. */
    public BuildRequest withLock(Path lockFile) {
        return new BuildRequest(spec, output, format, squash, tag, extraSources, lockFile);
    }
}
