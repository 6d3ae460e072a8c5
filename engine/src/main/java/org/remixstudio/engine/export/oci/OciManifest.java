package org.remixstudio.engine.export.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An image manifest (OCI image spec v1.1, manifest.md): the config blob plus the layers, bottom first.
 *
 * <pre>{@code
 * {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
 *  "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:b5b2…","size":7023},
 *  "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:9834…","size":32654}],
 *  "annotations":{"org.opencontainers.image.created":"2024-01-01T00:00:00Z"}}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaVersion", "mediaType", "config", "layers", "annotations"})
public record OciManifest(int schemaVersion, String mediaType, OciDescriptor config, List<OciDescriptor> layers,
                          Map<String, String> annotations) {
}
