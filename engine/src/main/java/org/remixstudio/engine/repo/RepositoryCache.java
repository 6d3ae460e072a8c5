package org.remixstudio.engine.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.io.FileBytes;

/**
 * The on-disk cache ({@code $XDG_CACHE_HOME/remix-studio}, a constructor argument):
 * <ul>
 *   <li>{@code blobs/SHA256} — verified Release files, detached signatures and compressed
 *       {@code Packages} indexes, named by their SHA-256 (content-addressed, so writers of the same
 *       content agree on the name and a reader re-checks the hash);</li>
 *   <li>{@code releases/KEY.properties} — for each URI and suite the newest verified Release: its hash,
 *       when it was fetched, and the signature verdict ({@link CachedRelease});</li>
 *   <li>{@code snapshots/KEY.snapshot} — parsed indexes in the compact {@link CatalogSnapshot} format.</li>
 * </ul>
 * Every file is written to a temporary file in its final directory and atomically renamed into
 * place, so concurrent processes never see a half-written file; the last writer wins, and every
 * writer writes a complete, valid file.
 */
public final class RepositoryCache {

    private final Path dir;

    public RepositoryCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    Path blobPath(String sha256) {
        return dir.resolve("blobs").resolve(sha256);
    }

    Path snapshotPath(String key) {
        return dir.resolve("snapshots").resolve(key + ".snapshot");
    }

    private Path releasePath(SuiteTarget target) {
        return dir.resolve("releases").resolve(Hashing.sha256Hex(target.key()).substring(0, 32) + ".properties");
    }

    /** The blob's bytes if it is cached and still has the hash it is named by. */
    public Optional<byte[]> readBlob(String sha256) {
        Path p = blobPath(sha256);
        try {
            byte[] data = FileBytes.read(p);
            if (Hashing.sha256Hex(data).equals(sha256)) {
                return Optional.of(data);
            }
            Files.deleteIfExists(p); // damaged on disk: forget it, it will be fetched again
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw cacheError(p, e);
        }
    }

    public boolean hasBlob(String sha256) {
        return Files.isRegularFile(blobPath(sha256));
    }

    /** Stores verified bytes under their hash; returns the hash. */
    public String putBlob(byte[] data) {
        String sha = Hashing.sha256Hex(data);
        Path target = blobPath(sha);
        if (!Files.isRegularFile(target)) {
            write(target, out -> out.write(data));
        }
        return sha;
    }

    /** A fresh temporary file in the blob directory, to fetch into before {@link #adoptBlob}. */
    Path newBlobTempFile() {
        return newTempFileIn(dir.resolve("blobs"));
    }

    /** Moves a verified temporary file into place as the blob named {@code sha256}. */
    void adoptBlob(Path temp, String sha256) {
        moveIntoPlace(temp, blobPath(sha256));
    }

    /** The newest verified Release recorded for this URI and suite. */
    public Optional<CachedRelease> release(SuiteTarget target) {
        Path p = releasePath(target);
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw cacheError(p, e);
        }
        Optional<CachedRelease> r = CachedRelease.fromProperties(props);
        return r.filter(c -> c.uri().equals(target.uri()) && c.suite().equals(target.suite()));
    }

    /** Records the newest verified Release of a URI and suite. */
    public void putRelease(SuiteTarget target, CachedRelease release) {
        Properties props = release.toProperties();
        write(releasePath(target), out -> props.store(out, "newest verified Release of " + target.displayName()));
    }

    /** Writes a file through a temporary file and an atomic rename. */
    void write(Path target, IoWriter writer) {
        Path temp = newTempFile(target);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw cacheError(target, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Writes content to a stream. */
    interface IoWriter {
        void write(OutputStream out) throws IOException;
    }

    Path newTempFile(Path target) {
        return newTempFileIn(target.getParent());
    }

    private Path newTempFileIn(Path directory) {
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, ".tmp-", ".part");
        } catch (IOException e) {
            throw cacheError(directory, e);
        }
    }

    void moveIntoPlace(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // same directory, so only odd file systems get here; a plain replace is the best left
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw cacheError(target, e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a left-over temporary file is harmless: it is never read
        }
    }

    private static EngineException cacheError(Path p, IOException e) {
        return new EngineException("Cannot use the cache file " + p + " (" + e.getMessage()
                + "). Check the permissions and free space of the cache directory, or delete it.", e);
    }
}
