package org.remixstudio.engine.export.oci;

import org.remixstudio.engine.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.concurrent.CancellationException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.remixstudio.engine.api.EngineException;

/**
 * Writes one image as a single tar that is both an OCI image layout (image-layout.md:
 * {@code oci-layout}, {@code index.json}, {@code blobs/sha256/…}) and a {@code docker save} archive
 * ({@code manifest.json} and {@code repositories} pointing at the same blobs). {@code podman load},
 * {@code skopeo copy oci-archive:…} and {@code skopeo copy docker-archive:…} accept it.
 *
 * <p>The archive's own entries are owned by 0:0 with empty user names, mode 0644 (directories
 * 0755) and the image's creation time, so equal input gives byte-identical output. The tar is
 * written to a temporary file and renamed into place.
 */
public final class OciArchiveWriter {

    private final boolean rehashBlobs;

    /** A writer that hashes every layer blob again as it copies it, and fails on a changed blob. */
    public OciArchiveWriter() {
        this(true);
    }

    /**
     * @param rehashBlobs whether to hash each layer blob again while copying it; a caller that has just
     *                    written or verified every blob passes {@code false} and saves a SHA-256 pass over
     *                    the whole image (the size is checked either way)
     */
    public OciArchiveWriter(boolean rehashBlobs) {
        this.rehashBlobs = rehashBlobs;
    }

    /** The digest of the image manifest {@link #write} writes for {@code spec}: the image's identity. */
    public Digest manifestDigest(ImageSpec spec) {
        return new ImageDocuments(spec).manifestDigest;
    }

    /** Writes {@code spec} to {@code target}; a failure leaves no partial file behind. */
    public void write(ImageSpec spec, Path target) {
        ImageDocuments docs = new ImageDocuments(spec);
        long mtime = Math.max(0, spec.created().getEpochSecond());
        try {
            AtomicFiles.writeFile(target, tmp -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                     TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
                    file(tar, "oci-layout", docs.ociLayout, mtime);
                    file(tar, "index.json", docs.index, mtime);
                    file(tar, "manifest.json", docs.dockerManifest, mtime);
                    file(tar, "repositories", docs.repositories, mtime);
                    directory(tar, "blobs/", mtime);
                    directory(tar, "blobs/sha256/", mtime);
                    file(tar, docs.configDigest.blobPath(), docs.config, mtime);
                    file(tar, docs.manifestDigest.blobPath(), docs.manifest, mtime);
                    for (LayerBlob blob : docs.blobs) {
                        if (Thread.currentThread().isInterrupted()) {
                            throw new CancellationException("writing image " + target + " was cancelled");
                        }
                        layer(tar, blob, mtime, rehashBlobs);
                    }
                    tar.finish();
                }
            });
        } catch (IOException e) {
            throw new EngineException("cannot write image archive " + target + ": " + e.getMessage(), e);
        }
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, long mtime) throws IOException {
        TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, 0644, mtime);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name, long mtime) throws IOException {
        tar.putArchiveEntry(entry(name, TarConstants.LF_DIR, 0755, mtime));
        tar.closeArchiveEntry();
    }

    private static void layer(TarArchiveOutputStream tar, LayerBlob blob, long mtime, boolean rehash)
            throws IOException {
        long size = Files.size(blob.file());
        if (size != blob.size()) {
            throw new EngineException("layer blob " + blob.file() + " is " + size + " bytes but was written with "
                    + blob.size() + "; it changed after it was made. Build the layer again.");
        }
        TarArchiveEntry e = entry(blob.digest().blobPath(), TarConstants.LF_NORMAL, 0644, mtime);
        e.setSize(size);
        tar.putArchiveEntry(e);
        MessageDigest sha = Digest.sha256();
        try (InputStream file = Files.newInputStream(blob.file());
             InputStream in = rehash ? new DigestInputStream(file, sha) : file) {
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                tar.write(buffer, 0, n);
            }
        }
        tar.closeArchiveEntry();
        if (rehash && !Digest.fromMessageDigest(sha.digest()).equals(blob.digest())) {
            throw new EngineException("layer blob " + blob.file() + " no longer has digest " + blob.digest()
                    + "; it changed after it was made. Build the layer again.");
        }
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long mtime) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setMode(mode);
        e.setUserId(0L);
        e.setGroupId(0L);
        e.setUserName("");
        e.setGroupName("");
        e.setLastModifiedTime(FileTime.from(mtime, java.util.concurrent.TimeUnit.SECONDS));
        return e;
    }
}
