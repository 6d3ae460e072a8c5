package org.remixstudio.engine.tree;

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
