package org.remixstudio.engine.build.layer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.remixstudio.engine.export.oci.Digest;

/**
 * The cache key of a built layer: SHA-256 over the cache format, the ChainID of the layers below
 * (config.md "Layer ChainID", so the key changes whenever anything below changes, by content) and
 * the layer's own inputs as the caller describes them canonically (e.g. the resolved packages with
 * versions and SHA-256s, the customizations, the layer compression and SOURCE_DATE_EPOCH: whatever
 * changes the layer's bytes must be in there).
 *
 * @param hex 64 lowercase hex digits
 */
public record LayerKey(String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public LayerKey {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a layer cache key: " + hex);
        }
    }

    /**
     * @param parentChainId ChainID of the layers below, or {@code null} for a base layer
     * @param inputs        canonical description of what the layer is built from
     */
    public static LayerKey of(Digest parentChainId, byte[] inputs) {
        MessageDigest sha = TreeScanner.sha256();
        sha.update(("remix-studio layer cache " + LayerCache.FORMAT + "\n").getBytes(StandardCharsets.US_ASCII));
        sha.update(("parent " + (parentChainId == null ? "none" : parentChainId.toString()) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        sha.update(inputs);
        return new LayerKey(HexFormat.of().formatHex(sha.digest()));
    }

    public static LayerKey of(Digest parentChainId, String inputs) {
        return of(parentChainId, inputs.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return hex;
    }
}
