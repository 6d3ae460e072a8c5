package org.remixstudio.engine.repo;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.IndexFormatException;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;
import org.remixstudio.engine.control.ControlSyntaxException;
import org.remixstudio.engine.io.FileBytes;

/**
 * Reads one {@code Packages} index of a verified Release (Debian repository format, "Indices"):
 * chooses the variant the Release lists ({@code .xz}, then {@code .gz}, then plain), fetches it — from
 * {@code by-hash/SHA256/HASH} when the Release says {@code Acquire-By-Hash: yes}, falling back to the
 * plain path — checks size and SHA-256 against the signed Release, and parses it. The verified file
 * and its parsed {@link CatalogSnapshot} go to the cache; a cached snapshot is used directly.
 */
final class IndexLoader {

    private final Fetcher fetcher;
    private final RepositoryCache cache;

    IndexLoader(Fetcher fetcher, RepositoryCache cache) {
        this.fetcher = fetcher;
        this.cache = cache;
    }

    /** The index path relative to the Release directory, without compression suffix. */
    static String indexPath(SuiteTarget target, String component, String arch) {
        return target.isFlat() ? "Packages" : component + "/binary-" + arch + "/Packages";
    }

    /** The variants of an index the Release lists, in apt's order of preference. */
    static List<IndexFileEntry> variants(ReleaseFile release, String path) {
        List<IndexFileEntry> out = new ArrayList<>();
        for (String suffix : IndexDecompressor.SUFFIXES) {
            release.file(path + suffix).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The packages of one index.
     *
     * @param variants what the Release lists for it, preferred first (not empty)
     */
    List<BinaryPackage> load(VerifiedRelease vr, String component, List<IndexFileEntry> variants,
                             LoadSession session) {
        SuiteTarget target = vr.target();
        IndexOrigin origin = new IndexOrigin(target.uri(), target.suite(), vr.release().codename(),
                target.isFlat() ? "" : component, vr.releaseSha256());
        boolean offline = session.offlineFor(target.uri());
        // a variant whose snapshot or blob is cached needs no network at all
        for (IndexFileEntry v : variants) {
            Optional<List<BinaryPackage>> snap = readSnapshot(CatalogSnapshot.key(v.sha256(), origin));
            if (snap.isPresent()) {
                return snap.get();
            }
        }
        for (IndexFileEntry v : variants) {
            Optional<byte[]> blob = cache.readBlob(v.sha256());
            if (blob.isPresent()) {
                return parseAndStore(blob.get(), url(target, v.path()), v, origin, session);
            }
        }
        String first = url(target, variants.get(0).path());
        if (offline) {
            throw new EngineException("The index " + first + " is not in the cache, so it cannot be loaded offline."
                    + " Load the sources once with network access.");
        }
        for (IndexFileEntry v : variants) {
            Optional<byte[]> fetched = fetchVerified(vr, v, session);
            if (fetched.isPresent()) {
                return parseAndStore(fetched.get(), url(target, v.path()), v, origin, session);
            }
        }
        throw new EngineException("The Release file of " + target.displayName() + " lists " + first
                + " but the mirror does not have it (nor its other compressions). The mirror is out of sync;"
                + " try again later or use another mirror.");
    }

    /** A verified index file: the variant chosen, its URL and its (compressed) bytes. */
    record VerifiedIndex(IndexFileEntry variant, String url, byte[] bytes) {
    }

    /**
     * The bytes of one index of a verified Release, any kind ({@code Sources} too), without parsing:
     * from the cache when a variant is there, else fetched and checked against the signed size and
     * SHA-256 (a mismatch is an error naming the URL and both hashes, and nothing is kept).
     *
     * @param variants what the Release lists for it, preferred first (not empty)
     */
    VerifiedIndex verifiedBytes(VerifiedRelease vr, List<IndexFileEntry> variants, LoadSession session) {
        SuiteTarget target = vr.target();
        for (IndexFileEntry v : variants) {
            Optional<byte[]> blob = cache.readBlob(v.sha256());
            if (blob.isPresent()) {
                return new VerifiedIndex(v, url(target, v.path()), blob.get());
            }
        }
        String first = url(target, variants.get(0).path());
        if (session.offlineFor(target.uri())) {
            throw new EngineException("The index " + first + " is not in the cache, so it cannot be loaded offline."
                    + " Load it once with network access.");
        }
        for (IndexFileEntry v : variants) {
            Optional<byte[]> fetched = fetchVerified(vr, v, session);
            if (fetched.isPresent()) {
                return new VerifiedIndex(v, url(target, v.path()), fetched.get());
            }
        }
        throw new EngineException("The Release file of " + target.displayName() + " lists " + first
                + " but the mirror does not have it (nor its other compressions). The mirror is out of sync;"
                + " try again later or use another mirror.");
    }

    private static String url(SuiteTarget target, String path) {
        return target.uri() + target.releaseDir() + path;
    }

    /** Fetches and checks one variant; empty when the mirror does not have it. */
    private Optional<byte[]> fetchVerified(VerifiedRelease vr, IndexFileEntry v, LoadSession session) {
        SuiteTarget target = vr.target();
        String plain = url(target, v.path());
        Path temp = cache.newBlobTempFile();
        try {
            String fetchedUrl = null;
            Optional<Download> d = Optional.empty();
            if (vr.release().acquireByHash()) {
                int slash = v.path().lastIndexOf('/');
                String dir = slash < 0 ? "" : v.path().substring(0, slash + 1);
                String byHash = url(target, dir + "by-hash/SHA256/" + v.sha256());
                d = fetcher.fetchTo(URI.create(byHash), temp, v.size(), session.progress());
                fetchedUrl = byHash;
            }
            if (d.isEmpty()) {
                d = fetcher.fetchTo(URI.create(plain), temp, v.size(), session.progress());
                fetchedUrl = plain;
            }
            if (d.isEmpty()) {
                return Optional.empty();
            }
            Download got = d.get();
            if (got.size() != v.size() || !got.sha256().equals(v.sha256())) {
                throw new EngineException("Hash sum mismatch for " + fetchedUrl + ": the signed Release file of "
                        + target.displayName() + " expects size " + v.size() + " and SHA256 " + v.sha256()
                        + ", but the file has size " + got.size() + " and SHA256 " + got.sha256()
                        + ". The mirror is being updated or the file was tampered with; try again later"
                        + " or use another mirror.");
            }
            byte[] data = FileBytes.read(temp);
            cache.adoptBlob(temp, v.sha256());
            return Optional.of(data);
        } catch (IOException e) {
            throw new EngineException("Cannot read the downloaded " + plain + " (" + e.getMessage() + ")", e);
        } finally {
            RepositoryCache.deleteQuietly(temp);
        }
    }

    private List<BinaryPackage> parseAndStore(byte[] compressed, String url, IndexFileEntry v, IndexOrigin origin,
                                              LoadSession session) {
        String key = CatalogSnapshot.key(v.sha256(), origin);
        parseAndWrite(compressed, url, origin, session, key);
        // read the snapshot back: its shared tables make the objects of a cold start as compact as a warm
        // one's. The parsed objects (their strings not shared: half as large again) are garbage by now,
        // which is what lets a whole archive's index load in the studio's heap.
        return readSnapshot(key).orElseGet(() -> parse(compressed, url, origin, session));
    }

    private void parseAndWrite(byte[] compressed, String url, IndexOrigin origin, LoadSession session, String key) {
        List<BinaryPackage> parsed = parse(compressed, url, origin, session);
        cache.write(cache.snapshotPath(key), out -> {
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            new CatalogSnapshotWriter().write(origin, parsed, buffered);
            buffered.flush();
        });
    }

    private static List<BinaryPackage> parse(byte[] compressed, String url, IndexOrigin origin, LoadSession session) {
        List<BinaryPackage> out = new ArrayList<>();
        session.progress().accept(new ProgressEvent("parse", url, 0, -1, ProgressEvent.Unit.ITEMS));
        try (InputStream in = IndexDecompressor.open(new ByteArrayInputStream(compressed), url);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            new PackagesIndexParser(url, origin).parse(reader, p -> {
                out.add(p);
                if ((out.size() & 1023) == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("loading " + url + " was cancelled");
                    }
                    session.progress().accept(new ProgressEvent("parse", url, out.size(), -1,
                            ProgressEvent.Unit.ITEMS));
                }
            });
        } catch (IOException e) {
            throw new EngineException("Cannot decompress " + url + " (" + e.getMessage() + "), although its hash"
                    + " matched the signed Release. The archive is broken; report it to its maintainer.", e);
        } catch (IndexFormatException | ControlSyntaxException e) {
            throw new EngineException("Cannot parse " + e.getMessage() + ". The archive is broken; report it to"
                    + " its maintainer.", e);
        }
        session.progress().accept(new ProgressEvent("parse", url, out.size(), out.size(), ProgressEvent.Unit.ITEMS));
        return out;
    }

    private Optional<List<BinaryPackage>> readSnapshot(String key) {
        Path file = cache.snapshotPath(key);
        byte[] data;
        try {
            data = FileBytes.read(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: parse the index again
        }
        try {
            return Optional.of(new CatalogSnapshotReader(data).read());
        } catch (CatalogSnapshotReader.SnapshotFormatException e) {
            RepositoryCache.deleteQuietly(file);
            return Optional.empty();
        }
    }
}
