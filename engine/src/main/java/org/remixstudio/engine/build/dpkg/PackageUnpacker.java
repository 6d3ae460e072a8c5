package org.remixstudio.engine.build.dpkg;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.PackageRelation;
import org.remixstudio.engine.catalog.RelationGroup;
import org.remixstudio.engine.deb.DebArchive;
import org.remixstudio.engine.deb.DebControl;
import org.remixstudio.engine.deb.DebDataReader;
import org.remixstudio.engine.deb.ExtractOptions;
import org.remixstudio.engine.deb.TreeExtractor;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Does the file part of {@code dpkg --unpack} for a whole package set at once, in Java and in
 * parallel: every {@code data.tar} entry is written into the tree (dpkg's {@code tarobject}, in
 * {@code src/main/archives.c}), conffiles as {@code PATH.dpkg-new} so that {@code dpkg --configure}
 * installs them as it would after its own unpack, and the file list is kept in archive order as dpkg
 * records it in {@code info/PKG.list}. No maintainer script runs here.
 *
 * <p>Packages share directories, so extraction runs in parallel but directory modes and owners are
 * applied afterwards, one package after the other in install order: the last package to ship a
 * directory decides its metadata, as with a sequential unpack. The first package of the order is
 * unpacked alone before the others start, because it lays out the skeleton ({@code base-files}; in
 * releases with merged {@code /usr} it ships the {@code bin → usr/bin} links the others must find).
 * A non-directory that two packages ship goes to the one that {@code Replaces} the other (extracted
 * again at the end, so the result does not depend on thread timing); without {@code Replaces} dpkg
 * would refuse to overwrite it, and so does this class.
 */
public final class PackageUnpacker {

    private final Path root;
    private final ExtractOptions options;
    private final int threads;

    /**
     * @param root    the tree, an existing directory
     * @param options ownership and link policy ({@link ExtractOptions#forRootFilesystem()} normally)
     * @param threads packages unpacked at once
     */
    public PackageUnpacker(Path root, ExtractOptions options, int threads) {
        this.root = root;
        this.options = options;
        this.threads = Math.max(1, threads);
    }

    /** A package and its {@code .deb}. */
    public record Input(BinaryPackage pkg, Path deb) {
    }

    /**
     * Unpacks every package.
     *
     * @param inputs   the packages in install order (see {@link InstallOrder})
     * @param progress receives {@code unpack} events counting packages
     * @return the unpacked packages, in the order given
     */
    public List<UnpackedPackage> unpack(List<Input> inputs, Consumer<ProgressEvent> progress) {
        int total = inputs.size();
        AtomicInteger done = new AtomicInteger();
        progress.accept(new ProgressEvent("unpack", "", 0, total, ProgressEvent.Unit.ITEMS));
        Result[] results = new Result[total];
        if (total == 0) {
            return List.of();
        }
        results[0] = unpackOne(inputs.get(0));
        progress.accept(new ProgressEvent("unpack", inputs.get(0).pkg().name(), done.incrementAndGet(), total,
                ProgressEvent.Unit.ITEMS));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "deb-unpack");
            t.setDaemon(true);
            return t;
        });
        try {
            // largest first, so one big package does not finish alone at the end
            List<Integer> order = new ArrayList<>();
            for (int i = 1; i < total; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong((Integer i) -> inputs.get(i).pkg().installedSize()).reversed());
            Map<Integer, Future<Result>> futures = new HashMap<>();
            for (int i : order) {
                Input input = inputs.get(i);
                futures.put(i, pool.submit(() -> {
                    Result r = unpackOne(input);
                    progress.accept(new ProgressEvent("unpack", input.pkg().name(), done.incrementAndGet(), total,
                            ProgressEvent.Unit.ITEMS));
                    return r;
                }));
            }
            for (int i = 1; i < total; i++) {
                results[i] = await(futures.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        List<UnpackedPackage> unpacked = resolveOverlaps(inputs, results);
        for (Result r : results) {
            r.extractor().finish();
        }
        return unpacked;
    }

    private record Result(UnpackedPackage unpacked, TreeExtractor extractor) {
    }

    private Result unpackOne(Input input) {
        BinaryPackage pkg = input.pkg();
        DebArchive deb = DebArchive.open(input.deb());
        DebControl control = deb.control();
        checkIdentity(pkg, control, input.deb());
        Set<String> conffiles = new HashSet<>(control.conffiles());
        boolean makeMd5sums = control.file("md5sums").isEmpty();
        StringBuilder generated = new StringBuilder();
        Map<String, String> md5ByPath = new HashMap<>();
        List<String> paths = new ArrayList<>();
        Set<String> plain = new LinkedHashSet<>();
        List<TreeEntry> special = new ArrayList<>();
        List<TreeEntry> notRoot = new ArrayList<>();
        TreeExtractor extractor = new TreeExtractor(root, options);
        String origin = pkg.name() + " (" + input.deb().getFileName() + ")";
        try (DebDataReader reader = deb.openData()) {
            TreeEntry entry;
            while ((entry = reader.next()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("unpacking was cancelled");
                }
                paths.add(entry.isRoot() ? "/." : "/" + entry.path());
                if (entry.type() != EntryType.DIRECTORY) {
                    plain.add(entry.path());
                }
                if (entry.type().isDevice() || entry.type() == EntryType.FIFO) {
                    special.add(entry);
                }
                TreeEntry target = entry;
                if (conffiles.contains("/" + entry.path()) && entry.type() != EntryType.DIRECTORY) {
                    target = rename(entry, entry.path() + ".dpkg-new");
                }
                if ((target.uid() != 0 || target.gid() != 0) && !target.type().isDevice()
                        && target.type() != EntryType.FIFO) {
                    notRoot.add(target);
                }
                InputStream content = reader.content();
                MessageDigest md5 = null;
                if (makeMd5sums && entry.type() == EntryType.FILE) {
                    md5 = md5();
                    content = new DigestInputStream(content, md5);
                }
                extractor.extract(target, content, origin);
                if (md5 != null) {
                    String hex = HexFormat.of().formatHex(md5.digest());
                    md5ByPath.put(entry.path(), hex);
                    generated.append(hex).append("  ").append(entry.path()).append('\n');
                } else if (makeMd5sums && entry.type() == EntryType.HARDLINK && md5ByPath.containsKey(entry.linkTarget())) {
                    generated.append(md5ByPath.get(entry.linkTarget())).append("  ").append(entry.path()).append('\n');
                }
            }
        }
        byte[] md5sums = makeMd5sums ? generated.toString().getBytes(StandardCharsets.UTF_8)
                : control.file("md5sums").orElseThrow().content();
        return new Result(new UnpackedPackage(pkg, control, paths, plain, md5sums, special, notRoot), extractor);
    }

    /** A {@code Replaces}-less overlap is an error; with it the replacing package's copy is put back last. */
    private List<UnpackedPackage> resolveOverlaps(List<Input> inputs, Result[] results) {
        Map<String, Integer> owner = new HashMap<>();
        Map<Integer, Set<String>> lost = new HashMap<>();
        Set<Integer> reextract = new LinkedHashSet<>();
        for (int i = 0; i < results.length; i++) {
            for (String path : results[i].unpacked().plainFiles()) {
                Integer previous = owner.putIfAbsent(path, i);
                if (previous == null) {
                    continue;
                }
                BinaryPackage a = inputs.get(previous).pkg();
                BinaryPackage b = inputs.get(i).pkg();
                int winner;
                if (replaces(b, a)) {
                    winner = i;
                } else if (replaces(a, b)) {
                    winner = previous;
                } else {
                    throw new EngineException("Packages " + a.name() + " " + a.version() + " and " + b.name() + " "
                            + b.version() + " both contain /" + path + " and neither Replaces the other, so dpkg"
                            + " would refuse to install them together. Leave one of them out.");
                }
                int loser = winner == i ? previous : i;
                owner.put(path, winner);
                lost.computeIfAbsent(loser, k -> new HashSet<>()).add(path);
                reextract.add(winner);
            }
        }
        for (int i : reextract) {
            Result again = unpackOne(inputs.get(i));
            results[i] = new Result(results[i].unpacked(), again.extractor());
        }
        List<UnpackedPackage> out = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            UnpackedPackage u = results[i].unpacked();
            out.add(lost.containsKey(i) ? u.without(lost.get(i)) : u);
        }
        return out;
    }

    private static boolean replaces(BinaryPackage by, BinaryPackage other) {
        for (RelationGroup g : by.replaces()) {
            for (PackageRelation r : g.alternatives()) {
                if (r.name().equals(other.name()) && r.acceptsVersion(other.version())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkIdentity(BinaryPackage pkg, DebControl control, Path file) {
        if (!control.packageName().equals(pkg.name()) || !control.version().equals(pkg.version().toString())) {
            throw new EngineException(file + " holds " + control.packageName() + " " + control.version()
                    + " where the index promised " + pkg.name() + " " + pkg.version()
                    + ". Delete the file from the package cache and build again.");
        }
    }

    private static TreeEntry rename(TreeEntry e, String path) {
        return new TreeEntry(path, e.type(), e.mode(), e.uid(), e.gid(), e.uname(), e.gname(), e.mtime(), e.size(),
                e.linkTarget(), e.devMajor(), e.devMinor(), e.xattrs());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the Java runtime", e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("unpacking was cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new EngineException("Unpacking failed: " + e.getCause(), e.getCause());
        }
    }
}
