package org.remixstudio.engine.export.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An image index (OCI image spec v1.1, image-index.md); as {@code index.json} it is the entry point of
 * an image layout (image-layout.md), naming each manifest with {@code org.opencontainers.image.ref.name}.
 *
 * <pre>{@code
 * {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json",
 *  "manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:e692…","size":7143,
 *                "annotations":{"org.opencontainers.image.ref.name":"remix/base:1.0"},
 *                "platform":{"architecture":"amd64","os":"linux"}}]}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaVersion", "mediaType", "manifests", "annotations"})
public record OciIndex(int schemaVersion, String mediaType, List<OciDescriptor> manifests,
                       Map<String, String> annotations) {
}
