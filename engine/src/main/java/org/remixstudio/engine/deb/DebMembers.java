package org.remixstudio.engine.deb;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;

/**
 * Walks the {@code ar} members of a {@code .deb} in the order deb(5) prescribes: {@code debian-binary}
 * (format 2.x), then {@code control.tar*}, then {@code data.tar*}; members whose names start with
 * {@code _} may sit in between and are skipped, anything after {@code data.tar} is ignored.
 */
final class DebMembers implements Closeable {

    /** An {@code ar} member: its name (trailing GNU {@code /} removed), declared length and compression. */
    record Member(String name, long length, MemberCompression compression) {
    }

    private final Path file;
    private final ArArchiveInputStream ar;

    private DebMembers(Path file, ArArchiveInputStream ar) {
        this.file = file;
        this.ar = ar;
    }

    /** Opens the package and checks its {@code debian-binary} member. */
    static DebMembers open(Path file) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new DebFormatException(file, "no such file");
        } catch (IOException e) {
            throw new DebFormatException(file, "cannot open the package: " + e.getMessage(), e);
        }
        DebMembers members = new DebMembers(file, new ArArchiveInputStream(in));
        try {
            members.checkFormatVersion();
            return members;
        } catch (RuntimeException e) {
            members.close();
            throw e;
        }
    }

    private void checkFormatVersion() {
        ArArchiveEntry first = nextArEntry();
        if (first == null) {
            throw new DebFormatException(file, "empty ar archive; this is not a Debian package");
        }
        if (!memberName(first).equals("debian-binary")) {
            throw new DebFormatException(file, "first member is '" + memberName(first)
                    + "' instead of 'debian-binary'; this is not a Debian binary package (deb(5))");
        }
        String version;
        try {
            version = new String(ar.readNBytes((int) Math.min(first.getLength(), 64)), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new DebFormatException(file, "cannot read 'debian-binary': " + e.getMessage(), e);
        }
        if (!version.startsWith("2.")) {
            throw new DebFormatException(file, "package format version '" + version
                    + "' is not supported; only format 2.x (deb(5)) is");
        }
    }

    /**
     * Moves to the next required member, which must be {@code base} plus one of the allowed
     * compression suffixes; its content is then readable from {@link #stream()}.
     */
    Member next(String base, Set<MemberCompression> allowed) {
        while (true) {
            ArArchiveEntry entry = nextArEntry();
            if (entry == null) {
                throw new DebFormatException(file, "member '" + base + "' is missing; the file is truncated or not a "
                        + "Debian package. Download it again.");
            }
            String name = memberName(entry);
            if (name.startsWith("_")) {
                continue;
            }
            MemberCompression compression = MemberCompression.of(name, base)
                    .filter(allowed::contains)
                    .orElseThrow(() -> new DebFormatException(file, "member '" + name + "' found where '" + base
                            + "' with one of the compressions " + allowed + " was expected (deb(5))"));
            return new Member(name, entry.getLength(), compression);
        }
    }

    /** The content of the current member; reading past its end returns -1. */
    InputStream stream() {
        return ar;
    }

    Path file() {
        return file;
    }

    private ArArchiveEntry nextArEntry() {
        try {
            return ar.getNextArEntry();
        } catch (IOException e) {
            throw new DebFormatException(file, "not a valid ar archive (" + e.getMessage()
                    + "); the file is truncated or not a Debian package. Download it again.", e);
        }
    }

    private static String memberName(ArArchiveEntry entry) {
        String name = entry.getName().trim();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public void close() {
        try {
            ar.close();
        } catch (IOException e) {
            // nothing was written; a failing close of a read-only file changes nothing
        }
    }
}
