package org.remixstudio.engine.export.oci;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the body of a PAX extended header (POSIX.1-2008 {@code pax}, "pax Extended Header"):
 * records of the form {@code "<length> <key>=<value>\n"}, where the length counts the whole record
 * including its own digits. Values are raw bytes, because {@code SCHILY.xattr.*} values such as
 * {@code security.capability} are binary; commons-compress only writes PAX values as UTF-8 text,
 * which would corrupt them, so the layer writer composes the header itself.
 */
final class PaxRecords {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    PaxRecords add(String key, String value) {
        return add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    PaxRecords add(String key, byte[] value) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int fixed = keyBytes.length + value.length + 3; // space, '=', newline
        int length = fixed + 1;
        while (length != fixed + Integer.toString(length).length()) {
            length = fixed + Integer.toString(length).length();
        }
        body.writeBytes(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
        body.write(' ');
        body.writeBytes(keyBytes);
        body.write('=');
        body.writeBytes(value);
        body.write('\n');
        return this;
    }

    boolean isEmpty() {
        return body.size() == 0;
    }

    byte[] toByteArray() {
        return body.toByteArray();
    }
}
