package org.remixstudio.app.controls;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
        return sign + decimal(v, v >= 100 ? 0 : 1) + " " + units[u];
    }

    /**
     * {@code v} with {@code scale} decimals, rounded half up like {@code String.format("%.1f")} (which
     * rounds the shortest decimal form of the double, as {@link BigDecimal#valueOf(double)} gives it), at a
     * sixth of its cost: cells and cards format a size each time they are filled.
     */
    private static String decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
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

    /** {@code 63,440}: thousands grouped with commas, like {@code String.format(Locale.ROOT, "%,d")}. */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
