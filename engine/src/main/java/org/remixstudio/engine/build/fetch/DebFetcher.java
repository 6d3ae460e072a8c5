package org.remixstudio.engine.build.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.repo.Download;
import org.remixstudio.engine.repo.FetchException;
import org.remixstudio.engine.repo.Fetcher;

/**
 * Downloads the {@code .deb}s of a package set into a content-addressed cache and verifies each
 * against the SHA-256 and size of its signed {@code Packages} entry ({@link BinaryPackage#sha256()}),
 * the same guarantee apt gives. A file enters the cache only after it verified, by an atomic rename
 * of {@code sha256/<hash>}; a file already there is never transferred again. Transfers run a few at a
 * time; the {@link Fetcher} retries broken connections and server errors and then reports them.
 * Interrupting the calling thread cancels every transfer ({@link CancellationException}).
 */
public final class DebFetcher {

    /** Parallel transfers by default: apt's own default per host is a single pipelined connection. */
    public static final int DEFAULT_PARALLELISM = 4;
    private static final long PROGRESS_STEP = 1 << 20;

    private final Fetcher fetcher;
    private final Path store;
    private final int parallelism;

    /**
     * @param fetcher     transfers {@code http(s):} and {@code file:} URLs
     * @param cacheDir    the {@code .deb} cache, normally {@code $XDG_CACHE_HOME/remix-studio/debs}; files go to
     *                    {@code cacheDir/sha256/<hash>}
     * @param parallelism transfers at once (at least 1)
     */
    public DebFetcher(Fetcher fetcher, Path cacheDir, int parallelism) {
        this.fetcher = fetcher;
        this.store = cacheDir.resolve("sha256");
        this.parallelism = Math.max(1, parallelism);
    }

    /** The default fetcher, {@value #DEFAULT_PARALLELISM} transfers at once. */
    public static DebFetcher create(Path cacheDir) {
        return new DebFetcher(Fetcher.createDefault(), cacheDir, DEFAULT_PARALLELISM);
    }

    /** Where the file with this SHA-256 is (or would be) cached. */
    public Path cachePath(String sha256) {
        return store.resolve(sha256.toLowerCase(Locale.ROOT));
    }

    /** The cached, verified file of a package, if there is one. */
    public Optional<Path> cached(BinaryPackage pkg) {
        Path file = cachePath(checkedHash(pkg));
        try {
            return Files.isRegularFile(file) && Files.size(file) == pkg.size() ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The URL of a package's {@code .deb}: its archive root plus its {@code Filename}. */
    public static URI url(BinaryPackage pkg) {
        String base = pkg.origin().baseUri();
        return URI.create((base.endsWith("/") ? base : base + "/") + pkg.filename());
    }

    /**
     * Makes sure every package's {@code .deb} is cached and verified.
     *
     * @param packages the packages, in any order
     * @param progress receives {@code fetch} events counting bytes of the whole set (cached files count as
     *                 done at once)
     * @return one entry per package, in the order given
     * @throws EngineException naming package and URL when a file cannot be fetched or does not match its index
     *                         entry; the bad file is not kept
     */
    public List<FetchedDeb> fetchAll(Collection<BinaryPackage> packages, Consumer<ProgressEvent> progress) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("fetching packages was cancelled");
        }
        List<BinaryPackage> list = List.copyOf(packages);
        long total = list.stream().mapToLong(BinaryPackage::size).sum();
        ByteCounter counter = new ByteCounter(total, progress);
        FetchedDeb[] result = new FetchedDeb[list.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            BinaryPackage pkg = list.get(i);
            Optional<Path> hit = cached(pkg);
            if (hit.isPresent()) {
                result[i] = new FetchedDeb(pkg, hit.get(), true);
                counter.add(pkg.name(), pkg.size());
            } else {
                missing.add(i);
            }
        }
        counter.report("");
        if (!missing.isEmpty()) {
            createStore();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, missing.size()), r -> {
                Thread t = new Thread(r, "deb-fetch");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<FetchedDeb>> futures = new ArrayList<>();
                for (int i : missing) {
                    BinaryPackage pkg = list.get(i);
                    futures.add(pool.submit(() -> download(pkg, counter)));
                }
                for (int k = 0; k < missing.size(); k++) {
                    result[missing.get(k)] = await(futures.get(k));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        counter.report("");
        return List.of(result);
    }

    private FetchedDeb download(BinaryPackage pkg, ByteCounter counter) {
        String sha256 = checkedHash(pkg);
        URI url = url(pkg);
        Path target = cachePath(sha256);
        Path tmp;
        try {
            tmp = Files.createTempFile(store, ".part-", "");
        } catch (IOException e) {
            throw new EngineException("Cannot write into the package cache " + store + ": " + e.getMessage()
                    + ". Check its permissions and free space.", e);
        }
        long[] seen = {0};
        try {
            Download d = fetcher.fetchTo(url, tmp, pkg.size(), e -> {
                long delta = e.done() - seen[0];
                seen[0] = e.done();
                counter.add(pkg.name(), delta);
            }).orElseThrow(() -> new EngineException("Package " + pkg.name() + " " + pkg.version() + ": " + url
                    + " does not exist on the mirror. The package index is newer or older than the mirror's pool;"
                    + " reload the sources and try again."));
            if (d.size() != pkg.size() || !d.sha256().equalsIgnoreCase(sha256)) {
                throw new EngineException("Package " + pkg.name() + " " + pkg.version() + ": " + url + " is "
                        + d.size() + " bytes with SHA-256 " + d.sha256() + ", but its signed index entry says "
                        + pkg.size() + " bytes with SHA-256 " + sha256 + ". The file was not kept; the mirror is"
                        + " broken or tampered with. Try again later or use another mirror.");
            }
            move(tmp, target);
            return new FetchedDeb(pkg, target, false);
        } catch (FetchException e) {
            throw new EngineException("Package " + pkg.name() + " " + pkg.version() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            counter.add(pkg.name(), -seen[0]);
            throw e;
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static FetchedDeb await(Future<FetchedDeb> future) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("fetching packages was cancelled");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("fetching packages was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new EngineException("Fetching packages failed: " + cause, cause);
        }
    }

    private static String checkedHash(BinaryPackage pkg) {
        String sha = pkg.sha256();
        if (sha == null || !sha.matches("[0-9a-fA-F]{64}")) {
            throw new EngineException("Package " + pkg.name() + " " + pkg.version() + " has no SHA256 field in its"
                    + " index entry, so its .deb cannot be verified. Use a repository that publishes SHA256 sums.");
        }
        return sha.toLowerCase(Locale.ROOT);
    }

    private void createStore() {
        try {
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new EngineException("Cannot create the package cache " + store + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray .part file is harmless: it never has a hash name
        }
    }

    /** Sums the bytes of parallel transfers into one {@code fetch} progress stream. */
    private static final class ByteCounter {
        private final long total;
        private final Consumer<ProgressEvent> progress;
        private long done;
        private long reported = -1;

        ByteCounter(long total, Consumer<ProgressEvent> progress) {
            this.total = total;
            this.progress = progress;
        }

        synchronized void add(String detail, long bytes) {
            done += bytes;
            if (done - reported >= PROGRESS_STEP) {
                report(detail);
            }
        }

        synchronized void report(String detail) {
            reported = done;
            progress.accept(new ProgressEvent("fetch", detail, done, total, ProgressEvent.Unit.BYTES));
        }
    }
}
