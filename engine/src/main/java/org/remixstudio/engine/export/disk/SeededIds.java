package org.remixstudio.engine.export.disk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identifiers (disk and partition GUIDs, file-system serials) derived from a seed so that the same
 * remix gives the same disk, byte for byte. Like systemd-repart, each identifier is
 * HMAC-SHA256(seed, purpose) cut to size, and a UUID gets the RFC 4122 version-4 and variant bits
 * so that tools treat it as an ordinary random GUID.
 */
public final class SeededIds {

    private final byte[] seed;

    public SeededIds(byte[] seed) {
        if (seed.length == 0) {
            throw new IllegalArgumentException("the seed for disk identifiers must not be empty");
        }
        this.seed = seed.clone();
    }

    /** The UUID for {@code purpose}, such as {@code "disk"} or {@code "partition:root"}. */
    public UUID uuid(String purpose) {
        byte[] h = hmac(purpose);
        h[6] = (byte) ((h[6] & 0x0f) | 0x40);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h);
        return new UUID(b.getLong(), b.getLong());
    }

    /** A 32-bit number for {@code purpose}, such as a FAT volume serial. */
    public int int32(String purpose) {
        return ByteBuffer.wrap(hmac(purpose)).getInt();
    }

    private byte[] hmac(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
