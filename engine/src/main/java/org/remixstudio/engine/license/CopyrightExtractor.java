package org.remixstudio.engine.license;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.remixstudio.engine.deb.DebArchive;
import org.remixstudio.engine.deb.DebDataReader;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Reads {@code /usr/share/doc/PKG/copyright} (Debian policy §12.5) straight out of a {@code .deb},
 * streaming its {@code data.tar} and stopping at the file: nothing is unpacked to disk. Symbolic links
 * (and hard links) are followed inside the package; a doc directory or copyright file linking to another package's doc
 * directory (policy §12.5 allows {@code /usr/share/doc/PKG} to be a link to a package it depends on)
 * is reported as {@link CopyrightFile.Elsewhere}. A file above {@code maxBytes}, or one that is not text,
 * is {@link CopyrightFile.Missing} with the reason. Errors of the {@code .deb} itself propagate as
 * {@link org.remixstudio.engine.deb.DebFormatException}.
 */
public final class CopyrightExtractor {

    /** Larger than any real copyright file in bookworm main (the largest are a few hundred KiB). */
    public static final long DEFAULT_MAX_BYTES = 4L << 20;

    private static final String DOC = "usr/share/doc/";

    private final long maxBytes;

    public CopyrightExtractor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public CopyrightFile read(Path deb, String packageName) {
        DebArchive archive = DebArchive.open(deb);
        String dir = DOC + packageName;
        String wanted = dir + "/copyright";
        Map<String, byte[]> copyrights = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        Map<String, Long> tooLarge = new HashMap<>();
        try (DebDataReader reader = archive.openData()) {
            for (TreeEntry e = reader.next(); e != null; e = reader.next()) {
                String path = e.path();
                if (!path.startsWith(DOC)) {
                    continue;
                }
                boolean copyright = path.endsWith("/copyright") && path.indexOf('/', DOC.length()) == path.length() - 10;
                if (e.type() == EntryType.FILE && copyright) {
                    if (e.size() > maxBytes) {
                        tooLarge.put(path, e.size());
                    } else {
                        copyrights.put(path, readAll(reader.content()));
                    }
                    if (path.equals(wanted)) {
                        break;
                    }
                } else if (e.type() == EntryType.SYMLINK && (copyright || path.indexOf('/', DOC.length()) < 0)) {
                    links.put(path, e.linkTarget());
                } else if (e.type() == EntryType.HARDLINK && copyright) {
                    links.put(path, "/" + e.linkTarget());
                }
            }
        }
        return resolve(packageName, wanted, copyrights, links, tooLarge, 0);
    }

    private CopyrightFile resolve(String pkg, String wanted, Map<String, byte[]> copyrights, Map<String, String> links,
                                  Map<String, Long> tooLarge, int depth) {
        if (copyrights.containsKey(wanted)) {
            return text(copyrights.get(wanted), wanted);
        }
        if (tooLarge.containsKey(wanted)) {
            return new CopyrightFile.Missing("/" + wanted + " is " + tooLarge.get(wanted) + " bytes, more than the "
                    + maxBytes + " bytes read of a copyright file");
        }
        String dir = wanted.substring(0, wanted.length() - "/copyright".length());
        String target = null;
        if (links.containsKey(wanted)) {
            target = resolveLink(dir, links.get(wanted));
        } else if (links.containsKey(dir)) {
            target = resolveLink(DOC.substring(0, DOC.length() - 1), links.get(dir)) + "/copyright";
        }
        if (target == null) {
            return new CopyrightFile.Missing("the package has no /" + wanted);
        }
        if (depth < 8 && target.startsWith(DOC) && (copyrights.containsKey(target) || links.containsKey(target)
                || tooLarge.containsKey(target))) {
            return resolve(pkg, target, copyrights, links, tooLarge, depth + 1);
        }
        if (target.startsWith(DOC) && target.endsWith("/copyright")
                && target.indexOf('/', DOC.length()) == target.length() - 10) {
            return new CopyrightFile.Elsewhere(target.substring(DOC.length(), target.length() - 10));
        }
        return new CopyrightFile.Missing("/" + wanted + " is a link to /" + target + ", which is not a package's"
                + " copyright file");
    }

    /** The absolute target of a link that sits in {@code parentDir}, as a path without leading slash. */
    private static String resolveLink(String parentDir, String target) {
        String joined = target.startsWith("/") ? target : parentDir + "/" + target;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private byte[] readAll(InputStream in) {
        try {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8, else ISO-8859-1 (older files); bytes with many control characters are not text. */
    private static CopyrightFile text(byte[] bytes, String path) {
        int control = 0;
        for (byte b : bytes) {
            if (b == 0 || (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')) {
                control++;
            }
        }
        if (hasNul(bytes) || control * 100L > bytes.length) {
            return new CopyrightFile.Missing("/" + path + " is not text (" + control + " control bytes in "
                    + bytes.length + ")");
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            s = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return new CopyrightFile.Text(s, path);
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
