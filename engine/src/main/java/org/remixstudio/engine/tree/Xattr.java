package org.remixstudio.engine.tree;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One extended attribute, such as {@code security.capability}. The value is raw bytes because
 * capabilities are binary; the record copies them in and out so it stays immutable.
 *
 * @param name  full attribute name with namespace, e.g. {@code security.capability}, {@code user.note}
 * @param value raw attribute value
 */
public record Xattr(String name, byte[] value) implements Comparable<Xattr> {

    public Xattr {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid extended attribute name '" + name + "'");
        }
        value = value.clone();
    }

    /** An attribute whose value is text, stored as UTF-8. */
    public static Xattr ofText(String name, String value) {
        return new Xattr(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the value is well-formed UTF-8, so that a PAX reader decoding it as UTF-8 gets it back. */
    public boolean isUtf8() {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A name as libarchive writes it in a {@code LIBARCHIVE.xattr.} record: bytes outside printable
     * ASCII, {@code %} and {@code =} as {@code %XX}.
     */
    public static String urlEncode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '%' || c == '=') {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** The inverse of {@link #urlEncode}. */
    public static String urlDecode(String encoded) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && HexFormat.isHexDigit(encoded.charAt(i + 1))
                    && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                out.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xattr x && x.name.equals(name) && Arrays.equals(x.value, value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "=0x" + HexFormat.of().formatHex(value);
    }

    @Override
    public int compareTo(Xattr other) {
        return name.compareTo(other.name);
    }
}
