package org.remixstudio.engine.export.disk.fat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes 32-byte directory entries: short entries (fatgen103 §6 "FAT Directory Structure") and the
 * long-name entries that precede them (§7), last part first, each with the short name's checksum.
 */
final class DirectoryEncoder {

    static final int ENTRY_SIZE = 32;
    static final int ATTR_VOLUME_ID = 0x08;
    static final int ATTR_DIRECTORY = 0x10;
    static final int ATTR_ARCHIVE = 0x20;
    static final int ATTR_LONG_NAME = 0x0F;
    static final int LAST_LONG_ENTRY = 0x40;
    static final int CHARS_PER_LONG_ENTRY = 13;

    private final ByteBuffer buffer;
    private final FatTimestamp time;

    DirectoryEncoder(int entries, FatTimestamp time) {
        this.buffer = ByteBuffer.allocate(entries * ENTRY_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        this.time = time;
    }

    /** How many long-name entries {@code name} takes. */
    static int longEntryCount(String name) {
        return (name.length() + CHARS_PER_LONG_ENTRY - 1) / CHARS_PER_LONG_ENTRY;
    }

    void shortEntry(byte[] name11, int attributes, long firstCluster, long size) {
        buffer.put(name11, 0, 11);
        buffer.put((byte) attributes);
        buffer.put((byte) 0); // NTRes
        buffer.put((byte) time.tenths());
        buffer.putShort((short) time.time()); // CrtTime
        buffer.putShort((short) time.date()); // CrtDate
        buffer.putShort((short) time.date()); // LstAccDate
        buffer.putShort((short) (firstCluster >>> 16));
        buffer.putShort((short) time.time()); // WrtTime
        buffer.putShort((short) time.date()); // WrtDate
        buffer.putShort((short) firstCluster);
        buffer.putInt((int) size);
    }

    /** The long-name entries for {@code name}, highest ordinal first, as they precede the short entry. */
    void longEntries(String name, byte[] shortName) {
        int count = longEntryCount(name);
        int checksum = ShortNames.checksum(shortName);
        for (int ord = count; ord >= 1; ord--) {
            int start = buffer.position();
            buffer.put((byte) (ord == count ? ord | LAST_LONG_ENTRY : ord));
            int first = (ord - 1) * CHARS_PER_LONG_ENTRY;
            putChars(name, first, 5);
            buffer.put((byte) ATTR_LONG_NAME);
            buffer.put((byte) 0); // LDIR_Type
            buffer.put((byte) checksum);
            putChars(name, first + 5, 6);
            buffer.putShort((short) 0); // LDIR_FstClusLO
            putChars(name, first + 11, 2);
            assert buffer.position() == start + ENTRY_SIZE;
        }
    }

    /** Name characters from {@code from}: the name, then one 0x0000 terminator, then 0xFFFF padding. */
    private void putChars(String name, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = i < name.length() ? name.charAt(i) : (i == name.length() ? 0 : (char) 0xFFFF);
            buffer.putShort((short) c);
        }
    }

    static byte[] dotName(int dots) {
        return (dots == 1 ? ".          " : "..         ").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] bytes() {
        return buffer.array();
    }
}
