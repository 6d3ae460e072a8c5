package org.remixstudio.app.build;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The disk size typed in the Build &amp; export pane, read the way {@code remix build --disk-size}
 * reads it ({@code 4G}, {@code 2500M}, {@code 4GiB}, binary units), empty for the engine's default:
 * the image's files plus 1 GiB free. Whether the content fits is the engine's check, made before
 * anything is fetched.
 */
public final class DiskSize {

    /** What the field shows when empty. */
    public static final String DEFAULT_TEXT = "fit the image + 1 GiB";

    private static final Pattern SIZE = Pattern.compile("(?i)(\\d+)\\s*([KMGT]?)(?:i?B)?");

    private DiskSize() {
    }

    /**
     * The size in bytes, 0 for the default.
     *
     * @throws IllegalArgumentException saying how to write a size
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("Disk size '" + t + "' is not a size: write it like 4G or 2500M,"
                    + " or leave it empty to " + DEFAULT_TEXT);
        }
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            number = Long.MAX_VALUE;
        }
        if (number == 0) {
            throw new IllegalArgumentException("Disk size '" + t + "' is zero: give a size like 4G, or leave it empty to "
                    + DEFAULT_TEXT);
        }
        if (number > (Long.MAX_VALUE >> shift) || number << shift > (1L << 50)) {
            throw new IllegalArgumentException("Disk size '" + t + "' is larger than 1 PiB: give a size like 4G");
        }
        return number << shift;
    }

    /** The problem with {@code text}, or empty when it is a size (or empty). */
    public static String problem(String text) {
        try {
            parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
