package org.remixstudio.engine.export.disk;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/** Zero detection and cancellation checks shared by the disk writers. */
public final class ZeroBlocks {

    private static final byte[] ZEROS = new byte[64 * 1024];

    private ZeroBlocks() {
    }

    /** Whether {@code length} bytes of {@code bytes} from {@code from} are all zero. */
    public static boolean isZero(byte[] bytes, int from, int length) {
        int pos = from;
        int end = from + length;
        while (pos < end) {
            int n = Math.min(ZEROS.length, end - pos);
            // Arrays.mismatch is a vectorised intrinsic: far faster than a byte loop.
            if (Arrays.mismatch(bytes, pos, pos + n, ZEROS, 0, n) >= 0) {
                return false;
            }
            pos += n;
        }
        return true;
    }

    /** Whether the remaining bytes of a heap buffer are all zero (position and limit untouched). */
    public static boolean isZero(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            return isZero(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Throws {@link CancellationException} when the current thread was interrupted. */
    public static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("disk image writing was cancelled");
        }
    }
}
