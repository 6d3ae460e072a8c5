package org.remixstudio.engine.license;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.deb.DebFormatException;

/**
 * The licenses of a package set. {@link #known} answers at once from the {@link LicenseStore};
 * {@link #scanMissing} reads the copyright files of the other source packages, a few at a time (fetching
 * their {@code .deb}s into the verified cache when needed), stores each result and hands it over as soon
 * as it is read. Binaries of one source version share one read. Bad input (a {@code .deb} that does not
 * open, no copyright file, one that is too large or not text) gives an {@link Evidence#UNKNOWN} result
 * with the reason, for that package only; a package that cannot be fetched gets one too, which is not
 * stored, so that a later scan tries again. Interrupting the calling thread cancels the scan.
 */
public final class LicenseScanner {

    public static final int DEFAULT_PARALLELISM = 4;

    private final LicenseStore store;
    private final DebSource debs;
    private final CopyrightExtractor extractor;
    private final CopyrightAnalyzer analyzer;
    private final Function<String, Optional<BinaryPackage>> otherPackages;
    private final int parallelism;

    /**
     * @param otherPackages finds a package by name outside the scanned set, for copyright files that live in
     *                      another package's doc directory (the catalog's candidate); may find nothing
     */
    public LicenseScanner(LicenseStore store, DebSource debs, CopyrightExtractor extractor, CopyrightAnalyzer analyzer,
                          Function<String, Optional<BinaryPackage>> otherPackages, int parallelism) {
        this.store = store;
        this.debs = debs;
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.otherPackages = otherPackages;
        this.parallelism = Math.max(1, parallelism);
    }

    /** The stored results for the packages whose source version was read before; the others are absent. */
    public Map<BinaryPackage, PackageLicense> known(Collection<BinaryPackage> packages) {
        List<SourceKey> keys = packages.stream().map(SourceKey::of).toList();
        Map<SourceKey, SourceLicense> found = store.find(keys);
        Map<BinaryPackage, PackageLicense> out = new LinkedHashMap<>();
        for (BinaryPackage p : packages) {
            SourceLicense l = found.get(SourceKey.of(p));
            if (l != null) {
                out.put(p, new PackageLicense(p, l, PackageLicense.isNonFree(p)));
            }
        }
        return out;
    }

    /**
     * Reads the licenses of the packages {@link #known} lacks.
     *
     * @param each     receives each package's result on the calling thread, as soon as its source is read
     * @param progress receives {@code licenses} events counting source packages
     * @throws CancellationException when the calling thread is interrupted
     */
    public void scanMissing(Collection<BinaryPackage> packages, Consumer<PackageLicense> each,
                            Consumer<ProgressEvent> progress) {
        Map<BinaryPackage, PackageLicense> known = known(packages);
        Map<SourceKey, List<BinaryPackage>> groups = new LinkedHashMap<>();
        Map<String, BinaryPackage> byName = new LinkedHashMap<>();
        for (BinaryPackage p : packages) {
            byName.putIfAbsent(p.name(), p);
            if (!known.containsKey(p)) {
                groups.computeIfAbsent(SourceKey.of(p), k -> new ArrayList<>()).add(p);
            }
        }
        int total = groups.size();
        progress.accept(new ProgressEvent("licenses", "", 0, total, ProgressEvent.Unit.ITEMS));
        if (total == 0) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("reading licenses was cancelled");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, total), r -> {
            Thread t = new Thread(r, "license-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Scanned> done = new ExecutorCompletionService<>(pool);
            for (Map.Entry<SourceKey, List<BinaryPackage>> g : groups.entrySet()) {
                done.submit(() -> new Scanned(g.getValue(), read(g.getKey(), g.getValue(), byName)));
            }
            for (int i = 1; i <= total; i++) {
                Scanned s = take(done);
                for (BinaryPackage p : s.binaries()) {
                    each.accept(new PackageLicense(p, s.license(), PackageLicense.isNonFree(p)));
                }
                progress.accept(new ProgressEvent("licenses", s.license().key().source(), i, total,
                        ProgressEvent.Unit.ITEMS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #known} and {@link #scanMissing} together: every package's result, in the order given. */
    public Map<BinaryPackage, PackageLicense> scan(Collection<BinaryPackage> packages, Consumer<ProgressEvent> progress) {
        Map<BinaryPackage, PackageLicense> all = new LinkedHashMap<>(known(packages));
        scanMissing(packages, l -> all.put(l.pkg(), l), progress);
        Map<BinaryPackage, PackageLicense> ordered = new LinkedHashMap<>();
        for (BinaryPackage p : packages) {
            ordered.put(p, all.get(p));
        }
        return ordered;
    }

    private static Scanned take(ExecutorCompletionService<Scanned> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("reading licenses was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new EngineException("Reading licenses failed: " + cause, cause);
        }
    }

    /** One source version: tries its binaries (the one named like the source first) until one has a copyright file. */
    private SourceLicense read(SourceKey key, List<BinaryPackage> binaries, Map<String, BinaryPackage> byName) {
        List<BinaryPackage> order = new ArrayList<>(binaries);
        order.sort(Comparator.comparing((BinaryPackage p) -> !p.name().equals(key.source())));
        String firstProblem = null;
        for (BinaryPackage pkg : order) {
            Attempt a = attempt(pkg, byName, 0);
            if (a.license != null) {
                if (a.store) {
                    store.put(a.license);
                }
                return a.license;
            }
            if (!a.store) {
                return SourceLicense.unknown(key, a.problem);
            }
            firstProblem = firstProblem == null ? a.problem : firstProblem;
        }
        SourceLicense unknown = SourceLicense.unknown(key, firstProblem);
        store.put(unknown);
        return unknown;
    }

    /** Reads one binary's copyright file, following it into another package once. */
    private Attempt attempt(BinaryPackage pkg, Map<String, BinaryPackage> byName, int depth) {
        Path deb;
        try {
            deb = debs.cached(pkg).orElseGet(() -> debs.fetch(pkg));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Attempt(null, "cannot fetch " + pkg.name() + " " + pkg.version() + ": " + e.getMessage(), false);
        }
        CopyrightFile file;
        try {
            file = extractor.read(deb, pkg.name());
        } catch (DebFormatException e) {
            return new Attempt(null, pkg.name() + " " + pkg.version() + " cannot be read: " + e.getMessage(), true);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Attempt(null, pkg.name() + " " + pkg.version() + " cannot be read: " + e, true);
        }
        SourceKey key = SourceKey.of(pkg);
        if (file instanceof CopyrightFile.Text t) {
            CopyrightAnalysis analysis;
            try {
                analysis = analyzer.analyze(t.text());
            } catch (RuntimeException e) {
                analysis = CopyrightAnalysis.unknown("/" + t.path() + " of " + pkg.name() + " could not be analysed: " + e);
            }
            return new Attempt(SourceLicense.of(key, analysis, pkg.name()), "", true);
        }
        if (file instanceof CopyrightFile.Elsewhere e) {
            BinaryPackage other = byName.get(e.otherPackage());
            if (other == null) {
                other = otherPackages.apply(e.otherPackage()).orElse(null);
            }
            if (other == null || depth > 0) {
                return new Attempt(null, "the copyright of " + pkg.name() + " lives in package " + e.otherPackage()
                        + ", which is not available", true);
            }
            Attempt a = attempt(other, byName, depth + 1);
            if (a.license == null) {
                return a;
            }
            SourceLicense l = a.license;
            return new Attempt(new SourceLicense(key, l.main(), l.licenses(), l.evidence(), l.reason(),
                    l.copyrightFrom(), l.similar()), "", a.store);
        }
        return new Attempt(null, pkg.name() + ": " + ((CopyrightFile.Missing) file).reason(), true);
    }

    /** The outcome of reading one binary: a result, or a problem; {@code store} is false for transient problems. */
    private record Attempt(SourceLicense license, String problem, boolean store) {
    }

    private record Scanned(List<BinaryPackage> binaries, SourceLicense license) {
    }
}
