package org.remixstudio.engine.deb;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;
import org.remixstudio.engine.tree.UnsafePathException;
import org.remixstudio.engine.tree.Xattr;

/**
 * Streams the entries of a package's {@code data.tar} as {@link TreeEntry} records, one at a time,
 * with the current entry's content readable from {@link #content()} until the next call to
 * {@link #next()}. Every entry is checked before it is handed out:
 * <ul>
 *   <li>its name normalizes to a tree path ({@code ./usr/bin} → {@code usr/bin}); {@code ..}
 *       components and absolute names are refused;</li>
 *   <li>no ancestor of it is a symbolic link that this package created earlier (a link to
 *       {@code /etc} followed by {@code link/passwd} would otherwise write outside the tree);</li>
 *   <li>a hard link names an earlier non-directory entry of the same package;</li>
 *   <li>the entry count and the total content size stay within {@link DebLimits}.</li>
 * </ul>
 * Ownership comes from the tar header only: numeric uid/gid plus the recorded user and group names.
 * Extended attributes come from PAX {@code SCHILY.xattr.*} records (and libarchive's base64
 * {@code LIBARCHIVE.xattr.*}); note that dpkg itself ignores extended attributes.
 */
public final class DebDataReader implements Closeable {

    private static final InputStream EMPTY = InputStream.nullInputStream();

    private final DebMembers members;
    private final DebMembers.Member member;
    private final DebLimits limits;
    private final MeteredInputStream raw;
    private final InputStream decoder;
    private final MeteredInputStream decompressed;
    private final TarArchiveInputStream tar;
    private final Map<String, EntryType> seen = new HashMap<>();
    private final Set<String> symlinks = new HashSet<>();
    private TreeEntry current;
    private String currentRawName = "";
    private long entries;
    private long dataBytes;
    private boolean finished;

    DebDataReader(DebMembers members, DebMembers.Member member, DebLimits limits) {
        this.members = members;
        this.member = member;
        this.limits = limits;
        this.raw = new MeteredInputStream(members.stream(), Long.MAX_VALUE, IllegalStateException::new);
        // Headers and padding add at most a few blocks per entry on top of the content itself.
        long tarLimit = saturatedAdd(limits.maxDataBytes(), saturatedMultiply(limits.maxEntries(), 3 * 512L) + (64L << 20));
        try {
            this.decoder = member.compression().decompressData(raw);
            this.decompressed = new MeteredInputStream(decoder, tarLimit,
                    () -> refuse("decompresses to more than " + tarLimit + " bytes, beyond the limit of "
                            + limits.maxDataBytes() + " content bytes per package"));
        } catch (IOException e) {
            throw corrupt(e);
        }
        this.tar = new TarArchiveInputStream(decompressed, StandardCharsets.UTF_8.name());
    }

    /** The data member being read, e.g. {@code data.tar.xz}. */
    public String memberName() {
        return member.name();
    }

    /**
     * Moves to the next entry.
     *
     * @return the entry, or {@code null} once the archive is exhausted (after checking that the
     *         member was complete and its compression intact)
     * @throws DebFormatException        when the entry is unsafe, over a limit, or the data is corrupt
     * @throws CancellationException     when the thread was interrupted
     */
    public TreeEntry next() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("reading " + members.file() + " was cancelled");
        }
        if (finished) {
            return null;
        }
        TarArchiveEntry t;
        try {
            t = tar.getNextEntry();
        } catch (IOException e) {
            throw corrupt(e);
        }
        if (t == null) {
            finish();
            return null;
        }
        currentRawName = t.getName();
        current = convert(t);
        return current;
    }

    /**
     * The content of the entry last returned by {@link #next()}: exactly {@code size} bytes for a
     * regular file, nothing for any other type. Closing it does not close the reader.
     */
    public InputStream content() {
        if (current == null || current.type() != EntryType.FILE) {
            return EMPTY;
        }
        return new EntryContent(current.path());
    }

    /** Entries read so far. */
    public long entryCount() {
        return entries;
    }

    /** Regular-file content bytes announced so far. */
    public long dataBytes() {
        return dataBytes;
    }

    private TreeEntry convert(TarArchiveEntry t) {
        String path;
        try {
            path = TreePaths.normalize(t.getName());
        } catch (UnsafePathException e) {
            throw refuseEntry(e.getMessage());
        }
        if (++entries > limits.maxEntries()) {
            throw refuse("holds more than " + limits.maxEntries() + " entries, the limit per package");
        }
        EntryType type = typeOf(t);
        if (path.equals(TreePaths.ROOT) && type != EntryType.DIRECTORY) {
            throw refuseEntry("the tree root must be a directory, not " + type);
        }
        for (String ancestor : TreePaths.ancestors(path)) {
            if (symlinks.contains(ancestor)) {
                throw refuseEntry("lies beneath '" + ancestor + "', which this package made a symbolic link;"
                        + " placing it would write through that link, possibly outside the tree");
            }
        }
        if (t.getLongUserId() < 0 || t.getLongGroupId() < 0) {
            throw refuseEntry("negative uid or gid");
        }
        long size = 0;
        String linkTarget = "";
        switch (type) {
            case FILE -> {
                size = t.getSize();
                dataBytes += size;
                if (dataBytes > limits.maxDataBytes()) {
                    throw refuse("unpacks to more than " + limits.maxDataBytes() + " bytes (limit per package) at entry '"
                            + currentRawName + "'; if the package is genuine, raise the limit");
                }
            }
            case SYMLINK -> {
                linkTarget = t.getLinkName();
                if (linkTarget == null || linkTarget.isEmpty()) {
                    throw refuseEntry("symbolic link without a target");
                }
                if (linkTarget.indexOf('\0') >= 0) {
                    throw refuseEntry("symbolic link target contains a NUL character");
                }
            }
            case HARDLINK -> linkTarget = hardLinkTarget(t.getLinkName());
            default -> {
                // directories, devices and FIFOs carry no size or target
            }
        }
        boolean device = type.isDevice();
        TreeEntry entry;
        try {
            entry = new TreeEntry(path, type, t.getMode() & TreeEntry.MODE_MASK, t.getLongUserId(), t.getLongGroupId(),
                    t.getUserName(), t.getGroupName(), t.getLastModifiedTime().toInstant(), size, linkTarget,
                    device ? t.getDevMajor() : 0, device ? t.getDevMinor() : 0, xattrsOf(t));
        } catch (IllegalArgumentException e) {
            throw refuseEntry(e.getMessage());
        }
        if (type == EntryType.SYMLINK) {
            symlinks.add(path);
        }
        seen.put(path, type);
        return entry;
    }

    private String hardLinkTarget(String rawTarget) {
        String target;
        try {
            target = TreePaths.normalize(rawTarget);
        } catch (UnsafePathException e) {
            throw refuseEntry("hard link to '" + rawTarget + "', outside the package tree (" + e.getMessage() + ")");
        }
        EntryType targetType = seen.get(target);
        if (targetType == null) {
            throw refuseEntry("hard link to '" + rawTarget + "', which is not an earlier entry of this package");
        }
        if (targetType == EntryType.DIRECTORY) {
            throw refuseEntry("hard link to the directory '" + rawTarget + "'");
        }
        return target;
    }

    private EntryType typeOf(TarArchiveEntry t) {
        if (t.isSparse()) {
            throw refuseEntry("sparse files are not supported (dpkg does not support them either)");
        }
        byte flag = t.getLinkFlag();
        return switch (flag) {
            case '0', 0, '7' -> t.getName().endsWith("/") ? EntryType.DIRECTORY : EntryType.FILE;
            case '1' -> EntryType.HARDLINK;
            case '2' -> EntryType.SYMLINK;
            case '3' -> EntryType.CHAR_DEVICE;
            case '4' -> EntryType.BLOCK_DEVICE;
            case '5' -> EntryType.DIRECTORY;
            case '6' -> EntryType.FIFO;
            default -> throw refuseEntry("unsupported tar entry type '" + (char) flag + "'");
        };
    }

    private List<Xattr> xattrsOf(TarArchiveEntry t) {
        try {
            // commons-compress decodes PAX values as UTF-8, so binary values arrive damaged
            return Xattr.fromPax(t.getExtraPaxHeaders(), name -> {
                throw refuseEntry("extended attribute '" + name + "' has a binary value that cannot be read"
                        + " faithfully from a SCHILY.xattr record");
            });
        } catch (IllegalArgumentException notBase64) {
            throw refuseEntry(notBase64.getMessage());
        }
    }

    private void finish() {
        finished = true;
        current = null;
        try {
            decompressed.drain();
            raw.drain();
        } catch (IOException e) {
            throw corrupt(e);
        }
        if (raw.count() != member.length()) {
            throw new DebFormatException(members.file(), "member '" + member.name() + "' is truncated: "
                    + raw.count() + " of " + member.length() + " bytes present. Download the package again.");
        }
    }

    private DebFormatException refuseEntry(String problem) {
        return new DebFormatException(members.file(), member.name() + " entry '" + currentRawName + "': " + problem
                + ". The package is broken or hostile; do not install it.");
    }

    private DebFormatException refuse(String problem) {
        return new DebFormatException(members.file(), member.name() + " " + problem + ".");
    }

    private DebFormatException corrupt(IOException e) {
        String what = e instanceof EOFException || e.getMessage() == null ? "unexpected end of data" : e.getMessage();
        String where = currentRawName.isEmpty() ? "" : " after entry '" + currentRawName + "'";
        return new DebFormatException(members.file(), "cannot read member '" + member.name() + "'" + where + ": "
                + what + ". The file is truncated or corrupt; download it again.", e);
    }

    @Override
    public void close() {
        try {
            // the decoder first: an external one (XzProcessInputStream) is stopped before its input closes
            decoder.close();
        } catch (IOException e) {
            // nothing more is read from it
        } finally {
            members.close();
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** One entry's content; I/O failures become errors naming the package and the entry. */
    private final class EntryContent extends InputStream {

        private final String path;

        EntryContent(String path) {
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            checkCurrent();
            try {
                return tar.read();
            } catch (IOException e) {
                throw corruptContent(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkCurrent();
            try {
                return tar.read(b, off, len);
            } catch (IOException e) {
                throw corruptContent(e);
            }
        }

        private void checkCurrent() {
            if (current == null || !current.path().equals(path)) {
                throw new IllegalStateException("content of '" + path + "' read after moving to the next entry");
            }
        }

        private DebFormatException corruptContent(IOException e) {
            String what = e instanceof EOFException || e.getMessage() == null ? "unexpected end of data" : e.getMessage();
            return new DebFormatException(members.file(), "cannot read the content of " + member.name() + " entry '"
                    + currentRawName + "': " + what + ". The file is truncated or corrupt; download it again.", e);
        }

        @Override
        public void close() {
            // the reader owns the tar stream
        }
    }
}
