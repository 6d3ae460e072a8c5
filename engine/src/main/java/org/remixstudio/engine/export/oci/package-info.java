/**
 * Writes container images reproducibly: {@link org.remixstudio.engine.export.oci.LayerTarWriter} turns
 * tree entries into a layer tar (sorted, clamped mtimes, PAX records, OCI whiteouts, deterministic
 * gzip), and {@link org.remixstudio.engine.export.oci.OciArchiveWriter} packs layers, config and
 * manifests into one tar that is at the same time an OCI image layout (image-spec v1.1
 * image-layout.md) and a {@code docker save} archive, so {@code podman load},
 * {@code skopeo copy oci-archive:…} and {@code skopeo copy docker-archive:…} all accept it. The same
 * input always gives byte-identical output. The JSON documents are plain Jackson records named after
 * the specification documents.
 */
package org.remixstudio.engine.export.oci;
