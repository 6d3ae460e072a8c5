package org.remixstudio.engine.export.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A content descriptor (OCI image spec v1.1, descriptor.md): what a blob is, its digest and size.
 *
 * <pre>{@code
 * {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip",
 *  "digest":"sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0",
 *  "size":32654}
 * }</pre>
 *
 * @param annotations optional, e.g. {@code org.opencontainers.image.ref.name} in {@code index.json}
 * @param platform    optional, on manifests listed in an index
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"mediaType", "digest", "size", "annotations", "platform"})
public record OciDescriptor(String mediaType, String digest, long size, Map<String, String> annotations,
                            OciPlatform platform) {

    public static OciDescriptor of(String mediaType, Digest digest, long size) {
        return new OciDescriptor(mediaType, digest.toString(), size, null, null);
    }

    /**
     * The platform of an image (image-index.md, {@code platform}).
     *
     * <pre>{@code {"architecture":"amd64","os":"linux"}}</pre>
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"architecture", "os", "variant"})
    public record OciPlatform(String architecture, String os, String variant) {
    }
}
