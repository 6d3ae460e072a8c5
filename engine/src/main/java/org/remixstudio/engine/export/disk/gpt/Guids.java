package org.remixstudio.engine.export.disk.gpt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * EFI_GUID byte order (UEFI 2.10 Appendix A): the first three fields little-endian, the last eight
 * bytes as written. {@link UUID} holds the textual (big-endian) form.
 */
public final class Guids {

    private Guids() {
    }

    /** Puts {@code guid} at the buffer's position in EFI_GUID order, advancing it by 16. */
    public static void put(ByteBuffer buffer, UUID guid) {
        long msb = guid.getMostSignificantBits();
        ByteOrder order = buffer.order();
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt((int) (msb >>> 32));
        buffer.putShort((short) (msb >>> 16));
        buffer.putShort((short) msb);
        buffer.order(ByteOrder.BIG_ENDIAN);
        buffer.putLong(guid.getLeastSignificantBits());
        buffer.order(order);
    }

    /** Reads an EFI_GUID at the buffer's position, advancing it by 16. */
    public static UUID get(ByteBuffer buffer) {
        ByteOrder order = buffer.order();
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        long a = buffer.getInt() & 0xffffffffL;
        long b = buffer.getShort() & 0xffffL;
        long c = buffer.getShort() & 0xffffL;
        buffer.order(ByteOrder.BIG_ENDIAN);
        long lsb = buffer.getLong();
        buffer.order(order);
        return new UUID((a << 32) | (b << 16) | c, lsb);
    }
}
