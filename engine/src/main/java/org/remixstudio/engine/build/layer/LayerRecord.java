package org.remixstudio.engine.build.layer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The small JSON file ({@code layer.json}) describing one cache entry.
 *
 * <pre>{@code
 * {"format":1,"key":"5c1f…","parentKey":null,"parentChainId":null,"chainId":"sha256:9a0b…",
 *  "digest":"sha256:77c2…","diffId":"sha256:9a0b…","size":31075442,
 *  "mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","createdBy":"remix: base (minbase)",
 *  "comment":"","stored":"2026-01-01T00:00:00Z","inputs":"variant minbase\n…"}
 * }</pre>
 */
@JsonPropertyOrder({"format", "key", "parentKey", "parentChainId", "chainId", "digest", "diffId", "size", "mediaType",
        "createdBy", "comment", "stored", "inputs"})
record LayerRecord(int format, String key, String parentKey, String parentChainId, String chainId, String digest,
                   String diffId, long size, String mediaType, String createdBy, String comment, String stored,
                   String inputs) {
}
