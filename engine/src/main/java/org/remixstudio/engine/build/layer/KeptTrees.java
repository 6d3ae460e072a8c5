package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.Digest;

/**
 * Unpacked trees of cached layer chains, kept under {@code CACHE/trees/v1/CHAINID/} so that a rebuild
 * whose lower layers are cached starts from the tree instead of re-creating it from the layer blobs
 * (decision record 0004). An entry holds the tree ({@code tree/}), its {@link TreeManifest}
 * ({@code manifest.bin}) and a lock file; the key is the ChainID of the layers the tree is made of
 * (config.md "Layer ChainID"), so it names exactly their content.
 *
 * <p>A kept tree is never modified: builds mount it read-only as the lower tree of an overlay. Only
 * the most recently used {@link #capacity} trees are kept (each is a whole root filesystem); older
 * ones are evicted after a new one is kept. A build holds a {@link Lease} (a shared {@link FileLock}
 * on the entry's lock file) while it uses a tree, and eviction skips a tree another process holds.
 * Within one JVM file locks cannot be shared, so a second lease on a tree this JVM holds already
 * goes without a lock and relies on the first one's. Entries are assembled in {@code .partial-*}
 * directories and renamed into place.
 */
public final class KeptTrees {

    public static final int FORMAT = 1;
    /** How many trees to keep: the tree below a top layer being edited and the tree of the last build. */
    public static final int DEFAULT_CAPACITY = 2;

    static final String TREE = "tree";
    static final String MANIFEST = "manifest.bin";
    static final String LOCK = "lock";
    private static final Duration STALE = Duration.ofDays(1);

    private final Path root;
    private final int capacity;

    /** @param cacheDir the engine's cache directory, e.g. {@code $XDG_CACHE_HOME/remix-studio} */
    public KeptTrees(Path cacheDir) {
        this(cacheDir, DEFAULT_CAPACITY);
    }

    public KeptTrees(Path cacheDir, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("keep at least one tree, not " + capacity);
        }
        this.root = cacheDir.resolve("trees").resolve("v" + FORMAT);
        this.capacity = capacity;
    }

    public Path directory() {
        return root;
    }

    public int capacity() {
        return capacity;
    }

    /** A tree in use by a build; {@link #close()} lets it be evicted again. */
    public static final class Lease implements AutoCloseable {
        private final Path entry;
        private final Digest chainId;
        private final FileChannel channel;
        private final FileLock lock;

        private Lease(Path entry, Digest chainId, FileChannel channel, FileLock lock) {
            this.entry = entry;
            this.chainId = chainId;
            this.channel = channel;
            this.lock = lock;
        }

        /** The tree itself; never write to it. */
        public Path tree() {
            return entry.resolve(TREE);
        }

        public Digest chainId() {
            return chainId;
        }

        /** The manifest of {@link #tree()}, scanned when it was kept. */
        public TreeManifest manifest() {
            return TreeManifest.read(entry.resolve(MANIFEST));
        }

        @Override
        public void close() {
            try {
                if (lock != null) {
                    lock.release();
                }
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
        }
    }

    /** The kept tree of this chain, leased and marked as just used; empty when there is none. */
    public Optional<Lease> find(Digest chainId) {
        Path entry = root.resolve(chainId.hex());
        if (!Files.isDirectory(entry.resolve(TREE), LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(entry.resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Lease lease = lease(entry, chainId, false);
        if (lease == null || !Files.isDirectory(entry.resolve(TREE), LinkOption.NOFOLLOW_LINKS)) {
            if (lease != null) {
                lease.close();
            }
            return Optional.empty(); // evicted meanwhile
        }
        touch(entry);
        return Optional.of(lease);
    }

    /**
     * The kept tree of a chain of cached layers (bottom first): found, or re-created from their blobs and
     * kept; {@code recreating} is told before a tree is re-created, which takes seconds.
     */
    public Lease findOrRecreate(List<CachedLayer> chain, Runnable recreating) {
        CachedLayer top = chain.get(chain.size() - 1);
        Optional<Lease> found = find(top.chainId());
        if (found.isPresent()) {
            return found.get();
        }
        recreating.run();
        Path fresh = newTreeDirectory();
        try {
            TreeManifest manifest = new LayerApplier().recreate(chain.stream().map(l -> l.blob().file()).toList(), fresh);
            return keep(fresh, top.chainId(), manifest);
        } catch (RuntimeException e) {
            discard(fresh);
            throw e;
        }
    }

    /**
     * A new, empty directory to build a tree in (same file system as the kept trees, so
     * {@link #keep} renames it); the caller deletes it if the build fails.
     */
    public Path newTreeDirectory() {
        try {
            Files.createDirectories(root);
            Path partial = Files.createTempDirectory(root, ".partial-");
            return Files.createDirectory(partial.resolve(TREE));
        } catch (IOException e) {
            throw new EngineException("cannot create a directory in the tree cache " + root + ": " + e.getMessage()
                    + "; check that the cache directory is writable and has space", e);
        }
    }

    /**
     * Keeps a finished tree: writes its manifest beside it and renames it into place, then evicts the
     * least recently used trees beyond the capacity.
     *
     * @param tree     a directory made by {@link #newTreeDirectory()}; it must not change from now on
     * @param chainId  ChainID of the layers the tree is made of
     * @param manifest the tree's manifest
     * @return a lease on the kept tree (another process's, if it kept the same chain first)
     */
    public Lease keep(Path tree, Digest chainId, TreeManifest manifest) {
        Path partial = tree.getParent();
        Path entry = root.resolve(chainId.hex());
        try {
            manifest.write(partial.resolve(MANIFEST));
            Files.createFile(partial.resolve(LOCK));
            try {
                Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw e;
            } catch (IOException e) {
                // kept by another build meanwhile: the same layers make the same tree
                remove(partial);
            }
        } catch (IOException e) {
            remove(partial);
            throw new EngineException("cannot keep the tree " + tree + " in " + root + ": " + e.getMessage(), e);
        }
        touch(entry);
        Lease lease = find(chainId).orElseThrow(() -> new EngineException("the kept tree " + entry
                + " vanished as it was kept; build again"));
        evict(chainId);
        return lease;
    }

    /** Deletes a directory made by {@link #newTreeDirectory()} that was not kept. */
    public void discard(Path tree) {
        remove(tree.getParent());
    }

    /** Evicts the least recently used trees beyond the capacity, never {@code keep} nor a leased tree. */
    void evict(Digest keep) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path p : dirs) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    if (olderThan(p, STALE)) {
                        remove(p); // left by a build that died
                    }
                } else if (!name.equals(keep.hex())) {
                    entries.add(p);
                }
            }
        } catch (IOException e) {
            return; // nothing to evict
        }
        entries.sort(Comparator.comparing(KeptTrees::lastUsed).reversed());
        for (Path p : entries.subList(Math.min(entries.size(), capacity - 1), entries.size())) {
            Lease exclusive = lease(p, null, true);
            if (exclusive == null) {
                continue; // in use
            }
            try {
                Path trash = root.resolve(".trash-" + UUID.randomUUID());
                Files.move(p, trash, StandardCopyOption.ATOMIC_MOVE);
                exclusive.close();
                remove(trash);
            } catch (IOException e) {
                // another process evicted it first
            } finally {
                exclusive.close();
            }
        }
    }

    /** A lease with a shared (or exclusive) lock; {@code null} when exclusive and the tree is in use. */
    private static Lease lease(Path entry, Digest chainId, boolean exclusive) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(entry.resolve(LOCK), StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = exclusive ? channel.tryLock() : channel.lock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                channel.close();
                return null;
            }
            return new Lease(entry, chainId, channel, lock);
        } catch (OverlappingFileLockException e) {
            // this JVM holds the lock already: in use
            close(channel);
            return exclusive ? null : new Lease(entry, chainId, null, null);
        } catch (IOException e) {
            close(channel);
            return exclusive ? null : new Lease(entry, chainId, null, null);
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry.resolve(LOCK), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry.resolve(LOCK));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean olderThan(Path p, Duration age) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant()
                    .isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static void remove(Path dir) {
        try {
            LayerApplier.deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // a later eviction tries again
        }
    }
}
