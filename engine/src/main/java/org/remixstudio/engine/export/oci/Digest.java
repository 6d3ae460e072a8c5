package org.remixstudio.engine.export.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI descriptor spec writes it ({@code sha256:<64 lowercase hex>},
 * descriptor.md "Digests"). Only SHA-256, the algorithm every registry and runtime supports.
 *
 * @param hex the 64 lowercase hex digits
 */
public record Digest(String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
        }
    }

    /** Parses {@code sha256:<hex>}. */
    public static Digest parse(String text) {
        if (!text.startsWith("sha256:")) {
            throw new IllegalArgumentException("only sha256 digests are supported: " + text);
        }
        return new Digest(text.substring("sha256:".length()));
    }

    public static Digest of(byte[] content) {
        return fromMessageDigest(sha256().digest(content));
    }

    /** The digest of a file's bytes, streamed (a disk image may be gigabytes). */
    public static Digest of(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return fromMessageDigest(md.digest());
    }

    static Digest fromMessageDigest(byte[] raw) {
        return new Digest(HexFormat.of().formatHex(raw));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Where the blob lives in an image layout: {@code blobs/sha256/<hex>}. */
    public String blobPath() {
        return "blobs/sha256/" + hex;
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
