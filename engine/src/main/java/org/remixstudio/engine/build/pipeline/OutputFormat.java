package org.remixstudio.engine.build.pipeline;

/** What a build writes. */
public enum OutputFormat {
    /** One tar that is both an OCI image layout and a docker-archive ({@code podman load}, {@code skopeo}). */
    OCI,
    /** An OCI image layout directory. */
    OCI_DIR,
    /** A plain tar of the final root filesystem. */
    ROOTFS
}
