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
 * @param diskBytes    for the disk formats: the whole disk's size in bytes, or 0 for the image's files
 *                     plus {@link #DEFAULT_FREE_BYTES} of free space
 * @param kernel       for the disk formats: {@code cloud} (default) or {@code generic}, the Debian
 *                     kernel flavour the VM essentials layer installs
 * @param compress     for qcow2: store the clusters deflate-compressed (about half the size; slower to
 *                     write and to read)
 * @param layers       for the container formats: how the layers are compressed
 */
public record BuildRequest(Path spec, Path output, Format format, boolean squash, String tag, List<String> extraSources,
                           Path lock, long diskBytes, String kernel, boolean compress, LayerCompression layers) {

    /** Free space in the root filesystem of a disk image when no disk size is given. */
    public static final long DEFAULT_FREE_BYTES = 1L << 30;

    /** Output formats. */
    public enum Format {
        /** One tar that is an OCI image layout and a docker-archive at once. */
        OCI,
        /** An OCI image layout directory. */
        OCI_DIR,
        /** A plain tar of the final root filesystem. */
        ROOTFS,
        /** A bootable UEFI disk (GPT, ESP, ext4 root) as qcow2 version 3, with a libvirt domain beside it. */
        QCOW2,
        /** The same disk as a raw (sparse) image. */
        RAW,
        /** The same disk as a streamOptimized VMDK, for VirtualBox and VMware. */
        VMDK;

        /** Whether this is a bootable disk image rather than a container image or tree. */
        public boolean isDisk() {
            return this == QCOW2 || this == RAW || this == VMDK;
        }
    }

    /** How the layers of a container image are compressed. */
    public enum LayerCompression {
        /** gzip level 6: what every container tool reads (the default). */
        GZIP,
        /**
         * zstd level 3 ({@code tar+zstd}): builds faster and smaller layers; podman, skopeo, containerd and
         * Docker 23+ read it, older Docker engines do not.
         */
        ZSTD
    }

    public BuildRequest {
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        extraSources = List.copyOf(extraSources);
        Objects.requireNonNull(kernel, "kernel");
        if (diskBytes < 0) {
            throw new EngineException("the disk size must be positive, not " + diskBytes);
        }
    }

    /** A build of what the spec resolves to now (no lock), disks sized to their content. */
    public BuildRequest(Path spec, Path output, Format format, boolean squash, String tag, List<String> extraSources) {
        this(spec, output, format, squash, tag, extraSources, null, 0, "cloud", false, LayerCompression.GZIP);
    }

    /** The same build with a whole-disk size for the disk formats. */
    public BuildRequest withDiskSize(long bytes) {
        return new BuildRequest(spec, output, format, squash, tag, extraSources, lock, bytes, kernel, compress, layers);
    }

    /** The same build with deflate-compressed qcow2 clusters (or not). */
    public BuildRequest withCompression(boolean on) {
        return new BuildRequest(spec, output, format, squash, tag, extraSources, lock, diskBytes, kernel, on, layers);
    }

    /** The same build installing another kernel flavour ({@code cloud} or {@code generic}) in a disk image. */
    public BuildRequest withKernel(String flavour) {
        return new BuildRequest(spec, output, format, squash, tag, extraSources, lock, diskBytes, flavour, compress, layers);
    }

    /** The same build, held to the lock file beside the spec ({@code NAME.remix.lock.json}, as {@code remix lock} writes it). */
    public BuildRequest withLockBesideSpec() {
        return withLock(RemixSpecFiles.lockFileFor(spec));
    }

    /** The same build, held to a lock file. */
    public BuildRequest withLock(Path lockFile) {
        return new BuildRequest(spec, output, format, squash, tag, extraSources, lockFile, diskBytes, kernel, compress, layers);
    }

    /** The same build with its container layers compressed another way. */
    public BuildRequest withLayerCompression(LayerCompression compression) {
        return new BuildRequest(spec, output, format, squash, tag, extraSources, lock, diskBytes, kernel, compress,
                compression);
    }
}
