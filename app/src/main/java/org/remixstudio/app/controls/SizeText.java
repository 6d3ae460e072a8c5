package org.remixstudio.app.controls;

import java.util.Locale;

/**
 * Sizes as people read them: decimal units like apt prints them ({@code 41.2 MB}), and signed deltas
 * for the impact pane. Installed sizes arrive in KiB (Debian's {@code Installed-Size}), download
 * sizes in bytes.
 */
public final class SizeText {

    private SizeText() {
    }

    public static String bytes(long bytes) {
        double v = Math.abs(bytes);
        String sign = bytes < 0 ? "-" : "";
        if (v < 1000) {
            return sign + (long) v + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return sign + String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    public static String kib(long kib) {
        return bytes(kib * 1024);
    }

    /** {@code +12.3 MB}, {@code -800 kB} or {@code ±0 B}. */
    public static String delta(long bytes) {
        if (bytes == 0) {
            return "±0 B";
        }
        return (bytes > 0 ? "+" : "") + bytes(bytes);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
