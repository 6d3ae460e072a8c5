package org.remixstudio.engine.build.layer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.LayerBlob;

/**
 * Built layers, kept under {@code CACHE/layers/v1/KEY/} so a rebuild re-uses every layer whose
 * inputs and whose layers below are unchanged. An entry holds the layer blob
 * ({@code layer.tar.gz}), the {@link TreeManifest} of the tree after the layer
 * ({@code manifest.bin}) and {@code layer.json} (digests, size, history line, parent, inputs).
 *
 * <p>The tree after a cached layer is not kept here: it is re-created by applying the blobs of
 * {@link #chain} in order onto an empty directory with {@link LayerApplier} (decision record 0002),
 * and a few such trees are kept by {@link KeptTrees} for builds on an overlay (decision record 0004).
 * A blob's {@code verified} stamp lets {@link #verify} skip hashing a blob proven unchanged.
 *
 * <p>An entry is assembled in a temporary directory next to its final place and renamed into place
 * in one step, so a reader sees a complete entry or none; when two processes store the same key,
 * the first rename wins and the other's copy is discarded (both are built from the same inputs).
 * A damaged entry (missing file, wrong size, unreadable metadata) counts as a miss and is removed.
 *
 * <p>How a build uses it, one remix layer at a time:
 * <pre>{@code
 * LayerKey key = LayerKey.of(parent == null ? null : parent.chainId(), inputs);
 * CachedLayer layer = cache.find(key).orElse(null);
 * if (layer == null) {
 *     if (treeIsBehind) {                       // the layers below all came from the cache
 *         applier.applyAll(cache.chain(parent).stream().map(l -> l.blob().file()).toList(), emptyTree);
 *     }
 *     TreeManifest before = scanner.scan(tree).manifest();      // a fresh scan, not parent.manifest():
 *     runStep(tree);                                            // layers keep whole-second, clamped mtimes
 *     TreeManifest after = scanner.scan(tree, before).manifest();
 *     LayerBlob blob = writer.write(LayerDiff.compute(before, after, tree).entries(), cache.newBlobFile());
 *     layer = cache.store(key, parent, new ImageLayer(blob, createdBy, ""), after, inputs);
 * }
 * parent = layer;
 * }</pre>
 */
public final class LayerCache {

    /** Layout version; part of every key, so a new layout never reads an old entry. */
    public static final int FORMAT = 1;

    static final String BLOB = "layer.tar.gz";
    static final String MANIFEST = "manifest.bin";
    static final String RECORD = "layer.json";
    static final String STAMP = "verified";

    private final Path root;
    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** @param cacheDir the engine's cache directory, e.g. {@code $XDG_CACHE_HOME/remix-studio} */
    public LayerCache(Path cacheDir) {
        this.root = cacheDir.resolve("layers").resolve("v" + FORMAT);
    }

    /** The directory entries live in. */
    public Path directory() {
        return root;
    }

    /** ChainID of a layer on top of {@code parentChainId} (config.md "Layer ChainID"). */
    public static Digest chainId(Digest parentChainId, Digest diffId) {
        if (parentChainId == null) {
            return diffId;
        }
        return Digest.of((parentChainId + " " + diffId).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A fresh path inside the cache for {@link org.remixstudio.engine.export.oci.LayerTarWriter} to
     * write a layer to, so that {@link #store} can move it in without copying.
     */
    public Path newBlobFile() {
        try {
            return Files.createDirectories(root.resolve("tmp")).resolve(UUID.randomUUID() + ".tar.gz");
        } catch (IOException e) {
            throw new EngineException("cannot create the layer cache directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** The cached layer with this key, if a complete entry exists. */
    public Optional<CachedLayer> find(LayerKey key) {
        Path dir = root.resolve(key.hex());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(dir, key));
        } catch (IOException | RuntimeException e) {
            discard(dir);
            return Optional.empty();
        }
    }

    /**
     * Puts a built layer into the cache; the blob file is moved in.
     *
     * @param key    the layer's key ({@link LayerKey#of} with the parent's ChainID)
     * @param parent the cached layer below, or {@code null} for a base layer
     * @param layer  the written blob and its history line
     * @param after  the manifest of the tree after the layer
     * @param inputs the canonical inputs the key was made from, kept for inspection
     * @return the stored entry (another process's, if it stored the same key first)
     */
    public CachedLayer store(LayerKey key, CachedLayer parent, ImageLayer layer, TreeManifest after, String inputs) {
        Path target = root.resolve(key.hex());
        Path tmp = null;
        try {
            Files.createDirectories(root);
            tmp = Files.createTempDirectory(root, ".partial-" + key.hex().substring(0, 12) + "-");
            LayerBlob blob = layer.blob();
            moveOrCopy(blob.file(), tmp.resolve(BLOB));
            ManifestCodec.write(after, tmp.resolve(MANIFEST));
            Digest parentChain = parent == null ? null : parent.chainId();
            LayerRecord record = new LayerRecord(FORMAT, key.hex(), parent == null ? null : parent.key().hex(),
                    parentChain == null ? null : parentChain.toString(), chainId(parentChain, blob.diffId()).toString(),
                    blob.digest().toString(), blob.diffId().toString(), blob.size(), blob.mediaType(), layer.createdBy(),
                    layer.comment(), Instant.now().toString(), inputs);
            Files.write(tmp.resolve(RECORD), json.writeValueAsBytes(record));
            // the writer hashed exactly these bytes, and the file was renamed (its last change) just above
            String attributes = attributes(tmp.resolve(BLOB));
            if (attributes != null) {
                writeStamp(tmp.resolve(STAMP), attributes);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (AtomicMoveNotSupportedException e) {
                throw e;
            } catch (IOException e) {
                // another process stored this key first; its entry is as good as ours
                Optional<CachedLayer> existing = find(key);
                if (existing.isPresent()) {
                    return existing.get();
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            }
            return load(target, key);
        } catch (IOException e) {
            throw new EngineException("cannot store layer " + key + " in the cache " + root + ": " + e.getMessage()
                    + "; check that the cache directory is writable and has space", e);
        } finally {
            if (tmp != null) {
                discard(tmp);
            }
        }
    }

    /**
     * The layers from the base up to {@code top}, bottom first: applied in this order onto an
     * empty directory they re-create the tree after {@code top}.
     *
     * @throws EngineException when a layer below is no longer in the cache
     */
    public List<CachedLayer> chain(CachedLayer top) {
        List<CachedLayer> chain = new ArrayList<>();
        CachedLayer at = top;
        while (at != null) {
            chain.add(at);
            if (at.parentKey() == null) {
                break;
            }
            LayerKey parentKey = at.parentKey();
            at = find(parentKey).orElseThrow(() -> new EngineException("layer " + parentKey + " below cached layer "
                    + top.key() + " is missing from the cache " + root + "; build again without the cache"));
            if (chain.size() > 10_000) {
                throw new EngineException("the layer cache " + root + " holds a cycle of parents at " + top.key());
            }
        }
        Collections.reverse(chain);
        return chain;
    }

    /**
     * Whether the blob still has its digest and size; {@code false} when it was damaged. The blob is read
     * and hashed again unless its stamp ({@code verified}) proves it unchanged since it was last hashed
     * (written by this cache from the bytes it hashed, or checked by an earlier read): same inode, size,
     * mtime and change time. No write, truncation or {@code utimes} leaves the change time alone, and
     * the stamp is written only for a change time older than the read by more than
     * {@link TreeScanner#RACY_MARGIN}, or by {@link #store} for the file it has just renamed into place.
     */
    public boolean verify(CachedLayer layer) {
        Path file = layer.blob().file();
        Path stamp = file.resolveSibling(STAMP);
        String before = attributes(file);
        if (before != null && before.equals(readStamp(stamp))) {
            return true;
        }
        Instant started = Instant.now();
        boolean ok = hashMatches(layer);
        if (ok && before != null && before.equals(attributes(file))
                && ctime(file).isBefore(started.minus(TreeScanner.RACY_MARGIN))) {
            writeStamp(stamp, before);
        }
        return ok;
    }

    private static boolean hashMatches(CachedLayer layer) {
        try (InputStream in = Files.newInputStream(layer.blob().file())) {
            MessageDigest sha = TreeScanner.sha256();
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                size += n;
            }
            return size == layer.blob().size()
                    && HexFormat.of().formatHex(sha.digest()).equals(layer.blob().digest().hex());
        } catch (IOException e) {
            return false;
        }
    }

    /** Inode, size, mtime and change time of a blob, as its stamp records them; {@code null} when unreadable. */
    private static String attributes(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:ino,size,lastModifiedTime,ctime",
                    LinkOption.NOFOLLOW_LINKS);
            return a.get("ino") + " " + a.get("size") + " " + ((FileTime) a.get("lastModifiedTime")).toInstant() + " "
                    + ((FileTime) a.get("ctime")).toInstant();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Instant ctime(Path file) {
        try {
            return ((FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toInstant();
        } catch (IOException | RuntimeException e) {
            return Instant.MAX;
        }
    }

    private static String readStamp(Path stamp) {
        try {
            return Files.readString(stamp, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void writeStamp(Path stamp, String attributes) {
        try {
            Path tmp = stamp.resolveSibling(STAMP + "." + UUID.randomUUID());
            Files.writeString(tmp, attributes + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the next verification hashes the blob again
        }
    }

    private CachedLayer load(Path dir, LayerKey key) throws IOException {
        LayerRecord r = json.readValue(dir.resolve(RECORD).toFile(), LayerRecord.class);
        if (r.format() != FORMAT || !key.hex().equals(r.key())) {
            throw new IOException("entry " + dir + " does not describe key " + key);
        }
        Path blobFile = dir.resolve(BLOB);
        if (Files.size(blobFile) != r.size()) {
            throw new IOException("blob " + blobFile + " has the wrong size");
        }
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new NoSuchFileException(manifest.toString());
        }
        LayerBlob blob = new LayerBlob(blobFile, Digest.parse(r.digest()), r.size(), Digest.parse(r.diffId()),
                r.mediaType());
        return new CachedLayer(key, r.parentKey() == null ? null : new LayerKey(r.parentKey()),
                r.parentChainId() == null ? null : Digest.parse(r.parentChainId()), Digest.parse(r.chainId()), blob,
                r.createdBy() == null ? "" : r.createdBy(), r.comment() == null ? "" : r.comment(), manifest,
                Instant.parse(r.stored()));
    }

    private static void moveOrCopy(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another file system: copy (the entry only becomes visible by the directory rename anyway)
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a damaged entry or a temporary directory; first renamed aside so no reader sees half of it. */
    private void discard(Path dir) {
        try {
            Path trash = root.resolve(".trash-" + UUID.randomUUID());
            Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
            LayerApplier.deleteTree(trash);
        } catch (IOException ignored) {
            // another process removed or replaced it meanwhile
        }
    }
}
