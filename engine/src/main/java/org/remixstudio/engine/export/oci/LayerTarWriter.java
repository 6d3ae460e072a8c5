package org.remixstudio.engine.export.oci;

import org.remixstudio.engine.io.AtomicFiles;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;
import org.remixstudio.engine.tree.Xattr;

/**
 * Writes a layer tar (OCI image spec v1.1, layer.md) reproducibly: the same entries always give the
 * same bytes and so the same digest.
 * <ul>
 *   <li>entries are sorted by path component by component, so parents precede children; within a
 *       directory whiteouts come first (opaque, then explicit), as layer.md recommends;</li>
 *   <li>mtimes are clamped to {@code SOURCE_DATE_EPOCH} and truncated to whole seconds;</li>
 *   <li>uid, gid, user and group names are exactly those of the entries, never the host's;</li>
 *   <li>long or non-ASCII names and link targets, large numbers and extended attributes
 *       ({@code SCHILY.xattr.*}, binary-safe; a value that is not UTF-8 also as libarchive's
 *       {@code LIBARCHIVE.xattr.*}, base64, which reads back through any PAX parser) go into one PAX
 *       extended header per entry, written by
 *       {@link PaxRecords}; commons-compress writes the ustar headers and is set to fail rather
 *       than add PAX headers of its own, so no entry ever gets two;</li>
 *   <li>hard links always point backwards: when a link sorts before the file it links to, the
 *       first path of the group carries the content and the others link to it;</li>
 *   <li>gzip output comes from {@link DeterministicGzipOutputStream} at a fixed level; zstd output
 *       (media type {@code +zstd}, media-types.md) from libzstd at level 3 in its multi-threaded mode,
 *       whose bytes libzstd keeps the same for any number of workers (zstd's determinism tests; checked
 *       in our tests), so a machine with more cores makes the same layer.</li>
 * </ul>
 * Parent directories are not invented: callers list every directory they want in the layer.
 */
public final class LayerTarWriter {

    /** How the tar is stored. */
    public enum Compression { GZIP, ZSTD, NONE }

    public static final int DEFAULT_GZIP_LEVEL = 6;
    /** zstd's own default level: faster than gzip's 6 and smaller (RFC 8878 frames, one per layer). */
    public static final int ZSTD_LEVEL = 3;

    private static final long MAX_OCTAL_SIZE = 077777777777L;
    private static final long MAX_OCTAL_ID = 07777777L;
    /** Longest name or link target kept in the ustar field; commons-compress wants room for a NUL. */
    private static final int USTAR_NAME_MAX = TarConstants.NAMELEN - 1;
    private static final int USTAR_OWNER_MAX = TarConstants.UNAMELEN - 1;

    private final Instant sourceDateEpoch;
    private final Compression compression;
    private final int gzipLevel;

    /**
     * @param sourceDateEpoch latest mtime written (later ones are clamped to it), or {@code null} to keep
     *                        entry mtimes as they are
     */
    public LayerTarWriter(Instant sourceDateEpoch, Compression compression) {
        this(sourceDateEpoch, compression, DEFAULT_GZIP_LEVEL);
    }

    public LayerTarWriter(Instant sourceDateEpoch, Compression compression, int gzipLevel) {
        if (gzipLevel < 1 || gzipLevel > 9) {
            throw new IllegalArgumentException("gzip level must be 1..9, not " + gzipLevel);
        }
        this.sourceDateEpoch = sourceDateEpoch;
        this.compression = compression;
        this.gzipLevel = gzipLevel;
    }

    /** {@code SOURCE_DATE_EPOCH} from the environment (reproducible-builds.org), if set. */
    public static Instant sourceDateEpochFromEnvironment() {
        String value = System.getenv("SOURCE_DATE_EPOCH");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new EngineException("SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds since 1970;"
                    + " set it to an integer such as 1700000000 or unset it");
        }
    }

    /**
     * Writes the layer to {@code target} (atomically) and returns its digests.
     *
     * @throws EngineException when entries clash (same path twice, a hard link to a path not in the layer,
     *                         a name using the reserved whiteout prefix) or the file cannot be written
     */
    public LayerBlob write(List<LayerEntry> entries, Path target) {
        List<LayerEntry> ordered = LayerEntryOrder.order(entries, target);
        return store(target, diff -> {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(diff, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
            tar.setAddPaxHeadersForNonAsciiNames(false);
            byte[] buffer = new byte[1 << 16]; // one per layer: a layer has thousands of files
            for (LayerEntry entry : ordered) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("writing layer " + target + " was cancelled");
                }
                writeEntry(tar, entry, target, buffer);
            }
            tar.finish();
        }, null);
    }

    /**
     * Stores an uncompressed layer written before (by a writer with {@link Compression#NONE}) the way
     * this writer stores layers, to {@code target} (atomically): the same bytes as {@link #write} would
     * have made from its entries. This lets a build write a layer's tar quickly, go on changing the tree,
     * and compress the tar meanwhile on other cores.
     */
    public LayerBlob compress(LayerBlob tar, Path target) {
        return store(target, diff -> {
            try (InputStream in = Files.newInputStream(tar.file())) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("compressing layer " + tar.file() + " was cancelled");
                    }
                    diff.write(buffer, 0, n);
                }
            }
        }, tar);
    }

    /**
     * Writes what {@code tar} writes into the uncompressed stream, stored and hashed as this writer stores
     * layers; when {@code source} is given, the uncompressed bytes must be its bytes or nothing is stored.
     */
    private LayerBlob store(Path target, TarBody tar, LayerBlob source) {
        MessageDigest blobSha = Digest.sha256();
        MessageDigest diffSha = Digest.sha256();
        Digest[] diffId = new Digest[1];
        try {
            AtomicFiles.writeFile(target, tmp -> {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                     // an uncompressed blob is the tar itself: its digest is the diff_id, hashed once
                     OutputStream blob = compression == Compression.NONE ? file : new DigestOutputStream(file, blobSha);
                     OutputStream stored = compressing(blob)) {
                    DigestOutputStream diff = new DigestOutputStream(stored, diffSha);
                    tar.writeTo(diff);
                    // no flush before the end: a zstd flush would end a block early
                    if (stored instanceof DeterministicGzipOutputStream gzip) {
                        gzip.finish();
                    } else if (stored != blob) {
                        stored.close(); // the zstd frame's end; closing the file again below is harmless
                    }
                    blob.flush();
                }
                diffId[0] = Digest.fromMessageDigest(diffSha.digest());
                if (source != null && !diffId[0].equals(source.diffId())) {
                    throw new EngineException("layer " + source.file() + " changed after it was written ("
                            + source.diffId() + ", now " + diffId[0] + "); build again");
                }
            });
            Digest digest = compression == Compression.NONE ? diffId[0] : Digest.fromMessageDigest(blobSha.digest());
            String mediaType = switch (compression) {
                case GZIP -> MediaTypes.LAYER_TAR_GZIP;
                case ZSTD -> MediaTypes.LAYER_TAR_ZSTD;
                case NONE -> MediaTypes.LAYER_TAR;
            };
            return new LayerBlob(target, digest, Files.size(target), diffId[0], mediaType);
        } catch (IOException e) {
            throw new EngineException("cannot write layer " + target + ": " + e.getMessage(), e);
        }
    }

    private OutputStream compressing(OutputStream blob) throws IOException {
        return switch (compression) {
            case GZIP -> new DeterministicGzipOutputStream(blob, gzipLevel);
            case ZSTD -> {
                ZstdOutputStream zstd = new ZstdOutputStream(blob, ZSTD_LEVEL);
                zstd.setChecksum(true);
                // always the multi-threaded mode, even with one core: its output differs from the
                // single-threaded mode's but not with the number of workers
                zstd.setWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
                zstd.setCloseFrameOnFlush(false);
                yield zstd;
            }
            case NONE -> blob;
        };
    }

    /** The uncompressed bytes of a layer. */
    private interface TarBody {
        void writeTo(OutputStream out) throws IOException;
    }

    private void writeEntry(TarArchiveOutputStream tar, LayerEntry layerEntry, Path target, byte[] buffer)
            throws IOException {
        TreeEntry e = layerEntry.entry();
        String name = e.isRoot() ? "./" : e.type() == EntryType.DIRECTORY ? e.path() + "/" : e.path();
        long mtime = clampedSeconds(e.mtime());
        PaxRecords pax = new PaxRecords();
        if (!fitsUstar(name, USTAR_NAME_MAX)) {
            pax.add("path", name);
        }
        String link = e.linkTarget();
        if (!link.isEmpty() && !fitsUstar(link, USTAR_NAME_MAX)) {
            pax.add("linkpath", link);
        }
        if (e.size() > MAX_OCTAL_SIZE) {
            pax.add("size", Long.toString(e.size()));
        }
        if (e.uid() > MAX_OCTAL_ID) {
            pax.add("uid", Long.toString(e.uid()));
        }
        if (e.gid() > MAX_OCTAL_ID) {
            pax.add("gid", Long.toString(e.gid()));
        }
        if (!fitsUstar(e.uname(), USTAR_OWNER_MAX)) {
            pax.add("uname", e.uname());
        }
        if (!fitsUstar(e.gname(), USTAR_OWNER_MAX)) {
            pax.add("gname", e.gname());
        }
        for (Xattr x : e.xattrs()) {
            pax.add(Xattr.SCHILY_PREFIX + x.name(), x.value());
            if (!x.isUtf8()) {
                // a binary value (a file capability) once more as libarchive writes it: readers that
                // decode PAX values as UTF-8, commons-compress among them, cannot get the raw record back
                pax.add(Xattr.LIBARCHIVE_PREFIX + Xattr.urlEncode(x.name()),
                        Base64.getEncoder().withoutPadding().encodeToString(x.value()));
            }
        }
        if (!pax.isEmpty()) {
            byte[] body = pax.toByteArray();
            TarArchiveEntry header = new TarArchiveEntry(ustarSafe("PaxHeaders/" + TreePaths.name(e.path()),
                    USTAR_NAME_MAX), TarConstants.LF_PAX_EXTENDED_HEADER_LC, true);
            fillCommon(header, 0644, 0, 0, "", "", mtime);
            header.setSize(body.length);
            tar.putArchiveEntry(header);
            tar.write(body);
            tar.closeArchiveEntry();
        }
        TarArchiveEntry t = new TarArchiveEntry(ustarSafe(name, USTAR_NAME_MAX), typeFlag(e.type()), true);
        fillCommon(t, e.mode(), e.uid(), e.gid(), ustarSafe(e.uname(), USTAR_OWNER_MAX),
                ustarSafe(e.gname(), USTAR_OWNER_MAX), mtime);
        if (!link.isEmpty()) {
            t.setLinkName(ustarSafe(link, USTAR_NAME_MAX));
        }
        if (e.type().isDevice()) {
            t.setDevMajor(e.devMajor());
            t.setDevMinor(e.devMinor());
        }
        t.setSize(e.size());
        tar.putArchiveEntry(t);
        if (e.type() == EntryType.FILE && e.size() > 0) {
            copyContent(layerEntry, tar, target, buffer);
        }
        tar.closeArchiveEntry();
    }

    private static void fillCommon(TarArchiveEntry t, int mode, long uid, long gid, String uname, String gname,
                                   long mtimeSeconds) {
        t.setMode(mode);
        // Numbers that overflow the octal field are carried by the PAX header; the ustar field then
        // holds the base-256 form commons-compress writes in BIGNUMBER_STAR mode.
        t.setUserId(uid);
        t.setGroupId(gid);
        t.setUserName(uname);
        t.setGroupName(gname);
        t.setLastModifiedTime(FileTime.from(mtimeSeconds, TimeUnit.SECONDS));
    }

    private static void copyContent(LayerEntry layerEntry, TarArchiveOutputStream tar, Path target, byte[] buffer)
            throws IOException {
        TreeEntry e = layerEntry.entry();
        long remaining = e.size();
        try (InputStream in = layerEntry.content().open()) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new EngineException("layer " + target + ": content of '" + e.path() + "' ended "
                            + remaining + " bytes before its declared size " + e.size() + "; was the file changed?");
                }
                tar.write(buffer, 0, n);
                remaining -= n;
            }
            if (in.read() >= 0) {
                throw new EngineException("layer " + target + ": content of '" + e.path()
                        + "' is longer than its declared size " + e.size() + "; was the file changed?");
            }
        }
    }

    private long clampedSeconds(Instant mtime) {
        Instant t = sourceDateEpoch != null && mtime.isAfter(sourceDateEpoch) ? sourceDateEpoch : mtime;
        return Math.max(0, t.getEpochSecond());
    }

    private static byte typeFlag(EntryType type) {
        return switch (type) {
            case FILE -> TarConstants.LF_NORMAL;
            case DIRECTORY -> TarConstants.LF_DIR;
            case SYMLINK -> TarConstants.LF_SYMLINK;
            case HARDLINK -> TarConstants.LF_LINK;
            case CHAR_DEVICE -> TarConstants.LF_CHR;
            case BLOCK_DEVICE -> TarConstants.LF_BLK;
            case FIFO -> TarConstants.LF_FIFO;
        };
    }

    /** Whether a string fits a ustar field as is: printable ASCII and short enough. */
    private static boolean fitsUstar(String s, int max) {
        return s.length() <= max && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** The string cut to an ASCII form that fits a ustar field; the PAX record carries the real value. */
    private static String ustarSafe(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '_');
        }
        return out.toString();
    }
}
