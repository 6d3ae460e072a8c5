package org.remixstudio.engine.export.oci;

/**
 * The {@code oci-layout} marker file of an image layout (OCI image spec v1.1, image-layout.md).
 *
 * <pre>{@code {"imageLayoutVersion":"1.0.0"}}</pre>
 */
public record OciLayout(String imageLayoutVersion) {

    public static final OciLayout V1 = new OciLayout("1.0.0");
}
