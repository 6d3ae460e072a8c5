package org.remixstudio.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.SourceFile;
import org.remixstudio.engine.catalog.SourcePackage;
import org.remixstudio.engine.repo.Download;
import org.remixstudio.engine.repo.FetchException;
import org.remixstudio.engine.repo.Fetcher;

/**
 * Fetches the corresponding source of an image into a directory laid out like the archive's pool
 * ({@code DIR/pool/main/g/glibc/glibc_2.36-9+deb12u9.dsc} and the files beside it, so
 * {@code dpkg-source -x} works on every {@code .dsc} in place), then writes
 * {@code DIR/source-bundle.json} ({@link SourceBundleIndex}).
 *
 * <p>Every file is checked against the size and SHA-256 of the signed {@code Sources} index: it is
 * fetched to a temporary name beside its place, checked, and only then renamed into place; a mismatch
 * is an error naming the file and URL, and the temporary file is deleted. A file already in place with
 * the right size and hash is kept, so an interrupted run resumes where it stopped. Downloads run in
 * parallel up to a bound; the first failure cancels the others. A binary whose source is not found is
 * an error naming the binary and the source, unless missing sources are allowed.
 */
public final class SourceBundler {

    /** The index file's name inside the bundle directory. */
    public static final String INDEX = "source-bundle.json";

    private final Fetcher fetcher;
    private final int parallelism;

    /** @param parallelism the most downloads at once (at least 1) */
    public SourceBundler(Fetcher fetcher, int parallelism) {
        this.fetcher = fetcher;
        this.parallelism = Math.max(1, parallelism);
    }

    public SourceBundleReport bundle(List<SourceMatch> matches, Path dir, boolean allowMissing,
                                     Consumer<ProgressEvent> progress) {
        List<String> missing = matches.stream().filter(m -> !m.found()).map(SourceMatch::describe).sorted().toList();
        if (!missing.isEmpty() && !allowMissing) {
            throw new EngineException("No source package found in the signed Sources indexes for " + missing.size()
                    + " binary package(s): " + String.join("; ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? "; …" : "") + ". Add the archive that has them (a 'deb-src' or"
                    + " 'deb' entry with the same URI and suite), or pass --allow-missing to bundle the rest.");
        }
        Map<String, SourcePackage> sources = new LinkedHashMap<>();
        matches.stream().filter(SourceMatch::found).map(SourceMatch::source)
                .forEach(s -> sources.putIfAbsent(s.name() + " " + s.version(), s));
        List<Job> jobs = new ArrayList<>();
        for (SourcePackage s : sources.values()) {
            for (SourceFile f : s.files()) {
                jobs.add(new Job(s, f, target(dir, s, f)));
            }
        }
        long total = jobs.stream().mapToLong(j -> j.file().size()).sum();
        Progress bytes = new Progress(progress, total);
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        AtomicLong fetchedBytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, jobs.size())), r -> {
            Thread t = new Thread(r, "source-bundle");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    if (isComplete(job)) {
                        kept.incrementAndGet();
                        bytes.finished(job, job.file().size());
                        return null;
                    }
                    fetchVerified(job, bytes);
                    fetched.incrementAndGet();
                    fetchedBytes.addAndGet(job.file().size());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        SourceBundleIndex index = new SourceBundleIndex(matches, dir);
        Path indexFile = dir.resolve(INDEX);
        index.write(indexFile);
        progress.accept(new ProgressEvent("source", dir.toString(), total, total, ProgressEvent.Unit.BYTES));
        return new SourceBundleReport(dir, indexFile, matches.size(), sources.size(), fetched.get(), kept.get(),
                fetchedBytes.get(), missing);
    }

    /** One file to put into the bundle. */
    private record Job(SourcePackage source, SourceFile file, Path target) {
        String url() {
            return source.url(file);
        }
    }

    /** Where a source file goes: {@code DIR/DIRECTORY/NAME}, refused if that would leave {@code DIR}. */
    static Path target(Path dir, SourcePackage s, SourceFile f) {
        Path root = dir.toAbsolutePath().normalize();
        Path p = root.resolve(s.directory()).resolve(f.name()).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new EngineException("The Sources entry of " + s + " (" + s.origin().baseUri() + " " + s.origin().suite()
                    + ") names a file outside the bundle: " + s.directory() + "/" + f.name() + ". The archive is broken.");
        }
        return p;
    }

    private static boolean isComplete(Job job) throws IOException {
        if (!Files.isRegularFile(job.target())) {
            return false;
        }
        if (Files.size(job.target()) != job.file().size()) {
            return false;
        }
        return sha256(job.target()).equals(job.file().sha256());
    }

    private void fetchVerified(Job job, Progress bytes) throws IOException {
        Files.createDirectories(job.target().getParent());
        Path tmp = Files.createTempFile(job.target().getParent(), "." + job.file().name() + ".", ".partial");
        try {
            Optional<Download> got;
            try {
                got = fetcher.fetchTo(URI.create(job.url()), tmp, job.file().size(), e -> bytes.update(job, e.done()));
            } catch (FetchException e) {
                throw new EngineException("Cannot fetch " + job.file().name() + " of source package " + job.source()
                        + ": " + e.getMessage() + " Nothing of it was kept.", e);
            }
            if (got.isEmpty()) {
                throw new EngineException("The mirror does not have " + job.url() + " (" + job.file().name()
                        + " of source package " + job.source() + "), although the signed Sources index of "
                        + job.source().origin().suite() + " lists it. The mirror is out of sync; try again later or"
                        + " use another mirror.");
            }
            Download d = got.get();
            if (d.size() != job.file().size() || !d.sha256().equals(job.file().sha256())) {
                throw new EngineException("Hash sum mismatch for " + job.file().name() + " from " + job.url()
                        + ": the signed Sources index of " + job.source().origin().suite() + " expects size "
                        + job.file().size() + " and SHA256 " + job.file().sha256() + ", but the file has size "
                        + d.size() + " and SHA256 " + d.sha256() + ". Nothing of it was kept; try again later or use"
                        + " another mirror.");
            }
            Files.move(tmp, job.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            bytes.finished(job, d.size());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("fetching the source bundle was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof IOException io) {
                throw new EngineException("Cannot write the source bundle: " + io.getMessage()
                        + ". Check that the directory is writable and has space.", io);
            }
            throw new IllegalStateException(cause);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchFileException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Adds the bytes of parallel downloads up into one {@code source} progress line. */
    private static final class Progress {
        private final Consumer<ProgressEvent> sink;
        private final long total;
        private final Map<Path, Long> done = new ConcurrentHashMap<>();

        Progress(Consumer<ProgressEvent> sink, long total) {
            this.sink = sink;
            this.total = total;
        }

        void update(Job job, long bytes) {
            done.put(job.target(), bytes);
            report(job);
        }

        void finished(Job job, long bytes) {
            done.put(job.target(), bytes);
            report(job);
        }

        private synchronized void report(Job job) {
            long sum = done.values().stream().mapToLong(Long::longValue).sum();
            sink.accept(new ProgressEvent("source", job.file().name(), Math.min(sum, total), total,
                    ProgressEvent.Unit.BYTES));
        }
    }
}
