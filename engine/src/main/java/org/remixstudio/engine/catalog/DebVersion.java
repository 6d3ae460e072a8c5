package org.remixstudio.engine.catalog;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]}, ordered exactly as
 * {@code dpkg --compare-versions} orders it (Debian policy §5.6.12, dpkg's {@code verrevcmp}):
 * epochs numerically, then upstream and revision by alternating non-digit parts (where {@code ~}
 * sorts before everything, even the end of the string, and letters sort before non-letters) and
 * digit parts compared numerically.
 *
 * <p>{@link #equals} is textual (record equality) while {@link #compareTo} is dpkg's order, so
 * {@code 1.0} and {@code 0:1.0-0} compare equal but are not {@code equals}; code that means "the same
 * version" compares.
 *
 * <p>Parsing rejects what dpkg rejects (empty parts, a non-numeric or too large epoch, embedded
 * spaces) and, stricter than dpkg which only warns, characters outside policy's set. Like dpkg it
 * accepts an upstream version that does not start with a digit.
 */
public record DebVersion(int epoch, String upstream, String revision) implements Comparable<DebVersion> {

    public DebVersion {
        java.util.Objects.requireNonNull(upstream, "upstream");
        java.util.Objects.requireNonNull(revision, "revision");
        if (epoch < 0) {
            throw new IllegalArgumentException("negative epoch in version");
        }
        if (upstream.isEmpty()) {
            throw new IllegalArgumentException("empty upstream version");
        }
    }

    /**
     * Parses a version as dpkg does: the epoch is the part before the first colon, the revision the
     * part after the last hyphen.
     *
     * @throws IllegalArgumentException naming the version when it is not well formed
     */
    public static DebVersion parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty version string");
        }
        int epoch = 0;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty() || !e.chars().allMatch(ch -> isDigit((char) ch))) {
                throw new IllegalArgumentException("version '" + text + "': epoch '" + e + "' is not a number");
            }
            if (e.length() > 9) {
                throw new IllegalArgumentException("version '" + text + "': epoch '" + e + "' is too big");
            }
            epoch = Integer.parseInt(e);
            s = s.substring(colon + 1);
        }
        String revision = "";
        int hyphen = s.lastIndexOf('-');
        if (hyphen >= 0) {
            revision = s.substring(hyphen + 1);
            s = s.substring(0, hyphen);
            if (revision.isEmpty()) {
                throw new IllegalArgumentException("version '" + text + "' has an empty revision after '-'");
            }
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("version '" + text + "' has an empty upstream part");
        }
        checkCharacters(text, s, ".+~-:", "upstream version");
        checkCharacters(text, revision, ".+~", "revision");
        return new DebVersion(epoch, s, revision);
    }

    /** Policy §5.6.12: alphanumerics and {@code allowed}; anything else (spaces, '_', '/') is an error. */
    private static void checkCharacters(String text, String part, String allowed, String what) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(isAsciiLetter(c) || isDigit(c) || allowed.indexOf(c) >= 0)) {
                throw new IllegalArgumentException("version '" + text + "' has invalid character '" + c
                        + "' in its " + what);
            }
        }
    }

    @Override
    public int compareTo(DebVersion o) {
        if (epoch != o.epoch) {
            return Integer.compare(epoch, o.epoch);
        }
        int c = verrevcmp(upstream, o.upstream);
        return c != 0 ? c : verrevcmp(revision, o.revision);
    }

    /** dpkg's character order for non-digit parts: {@code ~} lowest, then end, then letters, then the rest. */
    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        } else if (isAsciiLetter(c)) {
            return c;
        } else if (c == '~') {
            return -1;
        } else {
            return c + 256;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        int la = a.length();
        int lb = b.length();
        while (i < la || j < lb) {
            int firstDiff = 0;
            while ((i < la && !isDigit(a.charAt(i))) || (j < lb && !isDigit(b.charAt(j)))) {
                int ac = i < la ? order(a.charAt(i)) : 0;
                int bc = j < lb ? order(b.charAt(j)) : 0;
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                i++;
                j++;
            }
            while (i < la && a.charAt(i) == '0') {
                i++;
            }
            while (j < lb && b.charAt(j) == '0') {
                j++;
            }
            while (i < la && isDigit(a.charAt(i)) && j < lb && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < la && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < lb && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    /** The version as dpkg prints it (the epoch only when non-zero). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (epoch != 0) {
            sb.append(epoch).append(':');
        }
        sb.append(upstream);
        if (!revision.isEmpty()) {
            sb.append('-').append(revision);
        }
        return sb.toString();
    }
}
