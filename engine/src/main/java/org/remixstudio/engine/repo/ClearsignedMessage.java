package org.remixstudio.engine.repo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.remixstudio.engine.api.EngineException;

/**
 * A cleartext-signed document such as {@code InRelease}, split as RFC 4880 §7 describes: the
 * {@code -----BEGIN PGP SIGNED MESSAGE-----} header, {@code Hash:} armor headers, an empty line, the
 * dash-escaped text, then the armored signature. The signed data is the text with dash-escapes
 * ({@code "- "}) removed, trailing spaces and tabs of every line removed (§7.1), lines joined with
 * CR LF and without the line break before the signature.
 *
 * <p>Like apt (which splits InRelease files itself before calling gpgv), anything but blank lines
 * before the header or after the signature is refused, so no unsigned text can ride along.
 *
 * @param text           the signed text as parsed afterwards: canonical lines joined with {@code \n},
 *                       ending in {@code \n}
 * @param signedBytes    the exact bytes the signature covers
 * @param signatureArmor the armored signature block
 */
public record ClearsignedMessage(String text, byte[] signedBytes, byte[] signatureArmor) {

    private static final String HEADER = "-----BEGIN PGP SIGNED MESSAGE-----";
    private static final String SIG_BEGIN = "-----BEGIN PGP SIGNATURE-----";
    private static final String SIG_END = "-----END PGP SIGNATURE-----";

    /** @throws EngineException naming {@code origin} when the document is not a clearsigned message */
    public static ClearsignedMessage parse(byte[] document, String origin) {
        String all = new String(document, StandardCharsets.UTF_8);
        String[] lines = all.split("\n", -1);
        int i = 0;
        while (i < lines.length && stripEol(lines[i]).isBlank()) {
            i++;
        }
        if (i == lines.length || !stripEol(lines[i]).strip().equals(HEADER)) {
            throw notClearsigned(origin, "it does not start with " + HEADER);
        }
        i++;
        // armor headers (Hash: ...) up to the empty line
        while (i < lines.length && !stripEol(lines[i]).isEmpty()) {
            String h = stripEol(lines[i]);
            if (!h.contains(": ")) {
                throw notClearsigned(origin, "malformed armor header '" + h + "'");
            }
            i++;
        }
        if (i == lines.length) {
            throw notClearsigned(origin, "the signed text is missing");
        }
        i++;
        List<String> text = new ArrayList<>();
        while (i < lines.length && !stripEol(lines[i]).equals(SIG_BEGIN)) {
            String l = stripEol(lines[i]);
            if (l.startsWith("- ")) {
                l = l.substring(2);
            } else if (l.startsWith("-")) {
                throw notClearsigned(origin, "line " + (i + 1) + " starts with '-' but is not dash-escaped");
            }
            text.add(stripTrailingWhitespace(l));
            i++;
        }
        if (i == lines.length) {
            throw notClearsigned(origin, "the signature block is missing");
        }
        int sigStart = i;
        while (i < lines.length && !stripEol(lines[i]).equals(SIG_END)) {
            i++;
        }
        if (i == lines.length) {
            throw notClearsigned(origin, "the signature block is not terminated");
        }
        int sigEnd = i;
        for (int j = i + 1; j < lines.length; j++) {
            if (!stripEol(lines[j]).isBlank()) {
                throw notClearsigned(origin, "there is unsigned text after the signature (line " + (j + 1) + ")");
            }
        }
        StringBuilder armor = new StringBuilder();
        for (int j = sigStart; j <= sigEnd; j++) {
            armor.append(stripEol(lines[j])).append('\n');
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream(all.length());
        StringBuilder plain = new StringBuilder(all.length());
        for (int j = 0; j < text.size(); j++) {
            if (j > 0) {
                signed.write('\r');
                signed.write('\n');
            }
            signed.writeBytes(text.get(j).getBytes(StandardCharsets.UTF_8));
            plain.append(text.get(j)).append('\n');
        }
        return new ClearsignedMessage(plain.toString(), signed.toByteArray(),
                armor.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the bytes look like a clearsigned message at all (to tell InRelease from a plain Release). */
    public static boolean looksClearsigned(byte[] document) {
        String head = new String(document, 0, Math.min(document.length, 256), StandardCharsets.UTF_8).stripLeading();
        return head.startsWith(HEADER);
    }

    private static String stripEol(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String stripTrailingWhitespace(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static EngineException notClearsigned(String origin, String why) {
        return new EngineException(origin + " is not a valid clearsigned file: " + why
                + ". The mirror may be broken or tampered with; try again later or another mirror.");
    }
}
