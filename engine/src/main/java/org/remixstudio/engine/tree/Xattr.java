package org.remixstudio.engine.tree;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One extended attribute, such as {@code security.capability}. The value is raw bytes because
 * capabilities are binary; the record copies them in and out so it stays immutable.
 *
 * @param name  full attribute name with namespace, e.g. {@code security.capability}, {@code user.note}
 * @param value raw attribute value
 */
public record Xattr(String name, byte[] value) implements Comparable<Xattr> {

    /** The PAX record prefix of GNU tar and star ({@code SCHILY.xattr.NAME=raw value}). */
    public static final String SCHILY_PREFIX = "SCHILY.xattr.";
    /** libarchive's PAX record prefix ({@code LIBARCHIVE.xattr.URL-ENCODED-NAME=base64 value}). */
    public static final String LIBARCHIVE_PREFIX = "LIBARCHIVE.xattr.";
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

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
                out.append('%').append(UPPER_HEX.toHexDigits((byte) c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** The inverse of {@link #urlEncode}; a {@code %} not followed by two hex digits stands for itself. */
    public static String urlDecode(String encoded) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < encoded.length()) {
            if (encoded.charAt(i) == '%' && i + 2 < encoded.length() && HexFormat.isHexDigit(encoded.charAt(i + 1))
                    && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                out.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 3;
            } else {
                int cp = encoded.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The extended attributes among a tar entry's PAX records (as commons-compress hands them over,
     * values decoded as UTF-8): libarchive's {@code LIBARCHIVE.xattr.NAME=base64} records, byte for
     * byte, and the {@code SCHILY.xattr.NAME} records without such a twin. A SCHILY value that did not
     * survive the UTF-8 decoding (a binary one) and has no twin is handed to {@code damaged}, which may
     * throw; otherwise it is left out rather than stored mangled.
     *
     * @throws IllegalArgumentException naming the attribute when a libarchive value is not base64
     */
    public static List<Xattr> fromPax(Map<String, String> pax, Consumer<String> damaged) {
        if (pax.isEmpty()) {
            return List.of();
        }
        Map<String, Xattr> byName = new TreeMap<>();
        for (Map.Entry<String, String> e : pax.entrySet()) {
            if (e.getKey().startsWith(LIBARCHIVE_PREFIX)) {
                String name = urlDecode(e.getKey().substring(LIBARCHIVE_PREFIX.length()));
                try {
                    byName.put(name, new Xattr(name, Base64.getDecoder().decode(e.getValue().trim())));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("extended attribute '" + name + "' is not valid base64");
                }
            }
        }
        for (Map.Entry<String, String> e : pax.entrySet()) {
            if (e.getKey().startsWith(SCHILY_PREFIX)) {
                String name = e.getKey().substring(SCHILY_PREFIX.length());
                if (byName.containsKey(name)) {
                    continue;
                }
                if (e.getValue().indexOf('\uFFFD') >= 0) {
                    damaged.accept(name);
                } else {
                    byName.put(name, ofText(name, e.getValue()));
                }
            }
        }
        return List.copyOf(byName.values());
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
