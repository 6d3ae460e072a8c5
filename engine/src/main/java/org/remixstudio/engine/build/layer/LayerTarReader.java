package org.remixstudio.engine.build.layer;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;
import org.remixstudio.engine.tree.UnsafePathException;
import org.remixstudio.engine.tree.Xattr;

/**
 * Streams the entries of an image layer (OCI image spec v1.1, layer.md; a tar, plain or compressed
 * with gzip or zstd, recognized by its magic bytes) as {@link TreeEntry} records. Names are
 * normalized and refused when absolute or climbing out with {@code ..}; hard-link targets likewise.
 * Whiteout markers come out as the empty files they are; {@link #isWhiteout} recognizes them. While
 * reading, the SHA-256 of the uncompressed tar is computed: after the last entry,
 * {@link #diffId()} is the layer's {@code diff_id} (config.md).
 */
public final class LayerTarReader implements Closeable {

    private final String origin;
    private final InputStream raw;
    private final PipelinedInputStream uncompressed;
    private final TarArchiveInputStream tar;
    private TreeEntry current;
    private String currentName = "";
    private boolean finished;
    private Digest diffId;

    private LayerTarReader(InputStream raw, String origin) throws IOException {
        this.origin = origin;
        this.raw = raw;
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        InputStream decompressed = decompress(buffered);
        // decompressing and hashing on another core while the caller writes files
        this.uncompressed = new PipelinedInputStream(decompressed, TreeScanner.sha256(), "layer reader " + origin);
        this.tar = new TarArchiveInputStream(uncompressed, StandardCharsets.UTF_8.name());
    }

    /** Opens a layer file; the compression is detected from its first bytes. */
    public static LayerTarReader open(Path blob) {
        try {
            return new LayerTarReader(Files.newInputStream(blob), blob.toString());
        } catch (IOException e) {
            throw new EngineException("cannot read layer " + blob + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a layer from a stream, which this reader closes.
     *
     * @param origin names the layer in error messages, e.g. an archive path and blob digest
     */
    public static LayerTarReader open(InputStream in, String origin) {
        try {
            return new LayerTarReader(in, origin);
        } catch (IOException e) {
            throw new EngineException("cannot read layer " + origin + ": " + e.getMessage(), e);
        }
    }

    private static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            return new ZstdInputStream(in);
        }
        return in;
    }

    /** Whether an entry is a whiteout marker: its name begins with {@code .wh.} (layer.md "Whiteouts"). */
    public static boolean isWhiteout(TreeEntry entry) {
        return !entry.isRoot() && TreePaths.name(entry.path()).startsWith(".wh.");
    }

    /** Whether an entry is an opaque whiteout, {@code .wh..wh..opq} (layer.md "Opaque Whiteout"). */
    public static boolean isOpaqueWhiteout(TreeEntry entry) {
        return !entry.isRoot() && TreePaths.name(entry.path()).equals(".wh..wh..opq");
    }

    /**
     * The path a whiteout marker deletes ({@code etc/.wh.x} → {@code etc/x}), or for an opaque one its directory.
     *
     * @throws EngineException when the marker names no sibling ({@code .wh.}, {@code .wh..}), which a
     *                         careless applier would turn into deleting the directory or its parent
     */
    public static String whitedOutPath(TreeEntry whiteout) {
        String parent = TreePaths.parent(whiteout.path());
        if (isOpaqueWhiteout(whiteout)) {
            return parent;
        }
        String name = TreePaths.name(whiteout.path()).substring(".wh.".length());
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new EngineException("whiteout '" + whiteout.path() + "' names no file to delete (OCI layer.md"
                    + " \"Whiteouts\": .wh. plus the name of a sibling); the layer is broken or hostile");
        }
        return TreePaths.child(parent, name);
    }

    /**
     * Whether a whiteout-prefixed name is AUFS bookkeeping ({@code .wh..wh.plnk}, {@code .wh..wh.aufs}) other
     * than the opaque marker: such entries delete nothing and are skipped, as Docker does.
     */
    public static boolean isWhiteoutMetadata(TreeEntry entry) {
        return !entry.isRoot() && TreePaths.name(entry.path()).startsWith(".wh..wh.") && !isOpaqueWhiteout(entry);
    }

    /**
     * The next entry, or {@code null} after the last one.
     *
     * @throws EngineException when the layer is corrupt or an entry's name or link is unsafe
     */
    public TreeEntry next() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("reading layer " + origin + " was cancelled");
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
        currentName = t.getName();
        current = convert(t, origin);
        return current;
    }

    /** The content of the current regular file; valid until the next call to {@link #next()}. */
    public InputStream content() {
        if (current == null || current.type() != EntryType.FILE) {
            return InputStream.nullInputStream();
        }
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return tar.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return tar.read(b, off, len);
            }
        };
    }

    /** Bytes of the uncompressed tar; only after {@link #next()} returned {@code null}. */
    public long uncompressedSize() {
        if (!finished) {
            throw new IllegalStateException("the size is known only after the last entry");
        }
        return uncompressed.count();
    }

    /** The SHA-256 of the uncompressed tar; only after {@link #next()} returned {@code null}. */
    public Digest diffId() {
        if (!finished) {
            throw new IllegalStateException("the diff_id is known only after the last entry");
        }
        return diffId;
    }

    private void finish() {
        finished = true;
        current = null;
        try {
            // the tar's end-of-archive blocks and any padding belong to the diff_id too
            uncompressed.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw corrupt(e);
        }
        diffId = new Digest(HexFormat.of().formatHex(uncompressed.digest()));
    }

    /**
     * One tar entry of a layer or root filesystem tar as a tree entry, with the same checks as
     * {@link #next()} (normalized, safe names and links; no sparse files).
     *
     * @param origin names the tar in error messages
     * @throws EngineException naming the tar and the entry when the entry is unsafe or unsupported
     */
    public static TreeEntry convert(TarArchiveEntry t, String origin) {
        String path;
        try {
            path = TreePaths.normalize(t.getName());
        } catch (UnsafePathException e) {
            throw refuse(origin, t.getName(), e.getMessage());
        }
        if (t.isSparse()) {
            throw refuse(origin, t.getName(), "sparse files are not supported (layer.md: sparse files SHOULD NOT be used)");
        }
        EntryType type = switch (t.getLinkFlag()) {
            case '0', 0, '7' -> t.getName().endsWith("/") ? EntryType.DIRECTORY : EntryType.FILE;
            case '1' -> EntryType.HARDLINK;
            case '2' -> EntryType.SYMLINK;
            case '3' -> EntryType.CHAR_DEVICE;
            case '4' -> EntryType.BLOCK_DEVICE;
            case '5' -> EntryType.DIRECTORY;
            case '6' -> EntryType.FIFO;
            default -> throw refuse(origin, t.getName(), "unsupported tar entry type '" + (char) t.getLinkFlag() + "'");
        };
        if (path.equals(TreePaths.ROOT) && type != EntryType.DIRECTORY) {
            throw refuse(origin, t.getName(), "the root must be a directory, not " + type);
        }
        String link = "";
        if (type == EntryType.SYMLINK) {
            link = t.getLinkName();
            if (link == null || link.isEmpty() || link.indexOf('\0') >= 0) {
                throw refuse(origin, t.getName(), "symbolic link without a valid target");
            }
        } else if (type == EntryType.HARDLINK) {
            try {
                link = TreePaths.normalize(t.getLinkName());
            } catch (UnsafePathException e) {
                throw refuse(origin, t.getName(), "hard link to '" + t.getLinkName() + "' outside the tree (" + e.getMessage() + ")");
            }
            if (link.equals(TreePaths.ROOT)) {
                throw refuse(origin, t.getName(), "hard link to the root directory");
            }
        }
        boolean device = type.isDevice();
        try {
            return new TreeEntry(path, type, t.getMode() & TreeEntry.MODE_MASK, t.getLongUserId(), t.getLongGroupId(),
                    t.getUserName(), t.getGroupName(), t.getLastModifiedTime().toInstant(),
                    type == EntryType.FILE ? t.getSize() : 0, link, device ? t.getDevMajor() : 0,
                    device ? t.getDevMinor() : 0,
                    // a binary value from another tool's SCHILY record did not survive; left out, not mangled
                    Xattr.fromPax(t.getExtraPaxHeaders(), damaged -> { }));
        } catch (IllegalArgumentException e) {
            throw refuse(origin, t.getName(), e.getMessage());
        }
    }


    private static EngineException refuse(String origin, String entry, String problem) {
        return new EngineException("layer " + origin + ", entry '" + entry + "': " + problem
                + "; the layer is broken or hostile and was not applied further");
    }

    private RuntimeException corrupt(IOException e) {
        if (e instanceof java.io.InterruptedIOException || Thread.currentThread().isInterrupted()) {
            return new CancellationException("reading layer " + origin + " was cancelled");
        }
        return new EngineException("cannot read layer " + origin + (currentName.isEmpty() ? "" : " after entry '"
                + currentName + "'") + ": " + e.getMessage() + "; the file is truncated or corrupt", e);
    }

    @Override
    public void close() {
        try {
            tar.close(); // closes the pipeline and the decompressor below it
            raw.close();
        } catch (IOException e) {
            throw new EngineException("cannot close layer " + origin + ": " + e.getMessage(), e);
        }
    }
}
