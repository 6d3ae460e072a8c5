package org.remixstudio.engine.export.disk.fat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * 8.3 short names for long names (fatgen103 §7 "FAT Long Directory Entries": "The Basis-Name
 * Generation Algorithm", "The Numeric-Tail Generation Algorithm" and "Name Matching In Short
 * Directory Entries"), and the checks a long name must pass.
 *
 * <p>Basis name: the upper-cased name, characters not allowed in a short name (and every non-ASCII
 * character: the OEM code page is not known) replaced by {@code _} ("lossy"), spaces and leading
 * periods removed, the primary part copied up to the first period or 8 characters, the extension up
 * to 3 characters after the last period. A numeric tail {@code ~n} (n = 1, 2, ...) is added when
 * the conversion was lossy or the name does not fit 8.3 as it is, and otherwise only when the basis
 * name is taken in the directory.
 */
public final class ShortNames {

    private static final String SHORT_SPECIAL = "$%'-_@~`!(){}^#&";
    private static final String FORBIDDEN = "\"*/:<>?\\|";
    public static final int MAX_LONG_NAME = 255;

    private ShortNames() {
    }

    /** Refuses a name no FAT directory can hold, saying why. */
    public static void checkLongName(String name, String path) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("FAT file name '" + name + "' in '" + path + "' is not allowed");
        }
        if (name.length() > MAX_LONG_NAME) {
            throw new IllegalArgumentException("FAT file name in '" + path + "' is longer than " + MAX_LONG_NAME
                    + " characters");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            throw new IllegalArgumentException("FAT file name '" + name + "' in '" + path
                    + "' ends with a period or space, which FAT drops; rename it");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("FAT file name '" + name + "' in '" + path
                        + "' contains a character FAT forbids (control characters and " + FORBIDDEN + ")");
            }
        }
    }

    /** Whether {@code name} is stored as a short entry alone: it is its own upper-case 8.3 form. */
    public static boolean isPlainShortName(String name) {
        Basis b = basis(name);
        return !b.lossy() && b.display().equals(name);
    }

    /**
     * The 11-byte short name for {@code longName}, unique against (and then added to) {@code taken},
     * which holds the directory's short names in their 11-byte form as strings.
     */
    public static byte[] generate(String longName, Set<String> taken) {
        Basis b = basis(longName);
        boolean needsTail = b.lossy() || !b.display().equals(longName.toUpperCase(Locale.ROOT));
        if (!needsTail) {
            String plain = pack(b.primary(), b.extension());
            if (taken.add(plain)) {
                return plain.getBytes(StandardCharsets.US_ASCII);
            }
        }
        for (int n = 1; n <= 999_999; n++) {
            String tail = "~" + n;
            String primary = b.primary().substring(0, Math.min(b.primary().length(), 8 - tail.length()));
            String candidate = pack(primary + tail, b.extension());
            if (taken.add(candidate)) {
                return candidate.getBytes(StandardCharsets.US_ASCII);
            }
        }
        throw new IllegalArgumentException("no free short name for '" + longName + "': too many similar names");
    }

    /** The short-entry checksum of fatgen103 §7 ("ChkSum"), stored in every long-name entry. */
    public static int checksum(byte[] shortName) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum = (((sum & 1) << 7) + ((sum & 0xff) >> 1) + (shortName[i] & 0xff)) & 0xff;
        }
        return sum;
    }

    private record Basis(String primary, String extension, boolean lossy) {
        String display() {
            return extension.isEmpty() ? primary : primary + "." + extension;
        }
    }

    private static Basis basis(String longName) {
        String upper = longName.toUpperCase(Locale.ROOT);
        boolean lossy = false;
        StringBuilder converted = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == ' ') {
                continue; // spaces are stripped, not lossy
            }
            if (c == '.' || isShortNameChar(c)) {
                converted.append(c);
            } else {
                converted.append('_');
                lossy = true;
            }
        }
        int start = 0;
        while (start < converted.length() && converted.charAt(start) == '.') {
            start++;
        }
        String s = converted.substring(start);
        int lastDot = s.lastIndexOf('.');
        StringBuilder primary = new StringBuilder(8);
        for (int i = 0; i < s.length() && s.charAt(i) != '.' && primary.length() < 8; i++) {
            primary.append(s.charAt(i));
        }
        String extension = lastDot < 0 ? "" : s.substring(lastDot + 1, Math.min(s.length(), lastDot + 4));
        if (primary.length() == 0) {
            primary.append('_');
            lossy = true;
        }
        return new Basis(primary.toString(), extension, lossy);
    }

    private static boolean isShortNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SHORT_SPECIAL.indexOf(c) >= 0;
    }

    private static String pack(String primary, String extension) {
        return String.format("%-8s%-3s", primary, extension);
    }
}
