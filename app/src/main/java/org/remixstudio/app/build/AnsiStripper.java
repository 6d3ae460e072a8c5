package org.remixstudio.app.build;

/**
 * Takes the terminal control sequences out of a serial console's output so that a plain text area
 * can show it: ECMA-48 control sequences (CSI, {@code ESC [ … final byte}, section 5.4), operating
 * system commands ({@code ESC ] … BEL} or {@code ESC \}, section 8.3.89), the other two-byte escape
 * sequences, carriage returns and the other C0 controls but tab and newline. The output comes in
 * arbitrary pieces, so a sequence cut at the end of one piece is kept until the next one completes
 * it. One instance per stream, used by one thread.
 */
public final class AnsiStripper {

    private static final char ESC = 0x1B;
    private static final char BEL = 0x07;

    private final StringBuilder pending = new StringBuilder();

    /** The displayable text of the next piece of output. */
    public String feed(String piece) {
        pending.append(piece);
        StringBuilder out = new StringBuilder(pending.length());
        int i = 0;
        int n = pending.length();
        while (i < n) {
            char c = pending.charAt(i);
            if (c != ESC) {
                if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F)) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int end = sequenceEnd(i, n);
            if (end < 0) {
                break; // incomplete: wait for the rest
            }
            i = end;
        }
        pending.delete(0, i);
        return out.toString();
    }

    /** Index just past the escape sequence starting at {@code start}, or -1 when it is not complete yet. */
    private int sequenceEnd(int start, int n) {
        if (start + 1 >= n) {
            return -1;
        }
        char kind = pending.charAt(start + 1);
        if (kind == '[') {
            for (int j = start + 2; j < n; j++) {
                char c = pending.charAt(j);
                if (c >= 0x40 && c <= 0x7E) {
                    return j + 1;
                }
                if (c < 0x20 || c > 0x7E) {
                    return j; // malformed: drop the introducer, keep the rest
                }
            }
            return n - start > 64 ? n : -1;
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') {
            for (int j = start + 2; j < n; j++) {
                char c = pending.charAt(j);
                if (c == BEL) {
                    return j + 1;
                }
                if (c == ESC && j + 1 < n && pending.charAt(j + 1) == '\\') {
                    return j + 2;
                }
            }
            return n - start > 4096 ? n : -1;
        }
        if (kind == '(' || kind == ')' || kind == '*' || kind == '+' || kind == '#') {
            return start + 2 < n ? start + 3 : -1; // character set designation: one more byte
        }
        return start + 2;
    }
}
