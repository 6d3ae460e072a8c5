package org.remixstudio.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.Impact;
import org.remixstudio.engine.api.LayerEdit;
import org.remixstudio.engine.api.LicenseImpact;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.PlannedPackage;
import org.remixstudio.engine.api.RemixEngine;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * Impact latency, the figure the studio's drag-and-drop lives on: a bookworm minbase remix with a
 * {@code desktop} layer (gnome-core) and a {@code tools} layer, and 20 realistic edits, each asked
 * once, as a drag over a layer asks it (the remix as it is has been planned before, as the studio
 * always has; the edited remix is new). A warm-up pass of 20 other edits first warms the JIT.
 * Then licenses: a first pass streams each edit's {@link PackageCatalog#licenseImpact} to the end
 * (reading and storing whatever copyright file is missing, fetching {@code .deb}s into the package cache),
 * then a second pass over a warm store measures, per edit, the impact plus its license stream until the
 * last snapshot ({@code pending == 0}), and {@link PackageCatalog#knownLicenses} of 600 of the image's
 * packages. Uses the host's sources, the user's cache and license store (run any {@code remix} command once
 * first; the first run fetches the {@code .deb}s of every package involved). From the repository root:
 * <pre>
 * mvn -q -B -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.remixstudio.engine.bench.ImpactBenchmark
 * </pre>
 */
public final class ImpactBenchmark {

    private static final List<LayerEdit> WARMUP = List.of(
            LayerEdit.add("tools", "htop"), LayerEdit.add("tools", "tmux"), LayerEdit.add("tools", "rsync"),
            LayerEdit.add("tools", "zip"), LayerEdit.add("tools", "jq"), LayerEdit.add("desktop", "gedit"),
            LayerEdit.add("tools", "wget"), LayerEdit.add("tools", "nano"), LayerEdit.add("tools", "file"),
            LayerEdit.add("tools", "lsof"), LayerEdit.add("tools", "strace"), LayerEdit.add("tools", "make"),
            LayerEdit.add("tools", "unzip"), LayerEdit.add("tools", "bzip2"), LayerEdit.add("tools", "tree"),
            LayerEdit.add("desktop", "gnome-tweaks"), LayerEdit.remove("tools", "git"),
            LayerEdit.add("tools", "screen"), LayerEdit.add("tools", "bc"), LayerEdit.add("tools", "dnsutils"));

    private static final List<LayerEdit> EDITS = List.of(
            LayerEdit.add("tools", "nginx"), LayerEdit.add("tools", "python3"), LayerEdit.remove("tools", "vim"),
            LayerEdit.add("tools", "postgresql"), LayerEdit.add("tools", "openssh-server"),
            LayerEdit.add("desktop", "firefox-esr"), LayerEdit.add("desktop", "libreoffice-writer"),
            LayerEdit.remove("desktop", "gnome-core"), LayerEdit.add("tools", "build-essential"),
            LayerEdit.add("tools", "apache2"), LayerEdit.add("tools", "openjdk-17-jre-headless"),
            LayerEdit.add("tools", "nodejs"), LayerEdit.add("tools", "emacs-nox"), LayerEdit.add("tools", "mariadb-server"),
            LayerEdit.remove("tools", "curl"), LayerEdit.add("desktop", "gimp"), LayerEdit.add("tools", "golang"),
            LayerEdit.remove("desktop", "nautilus"), LayerEdit.add("tools", "docker.io"), LayerEdit.add("tools", "ca-certificates"));

    public static void main(String[] args) {
        RemixSpec spec = RemixSpec.of("bench", "bookworm", List.of(
                new LayerSpec("desktop", List.of(PackageRef.of("gnome-core")), List.of()),
                new LayerSpec("tools", List.of(PackageRef.of("vim"), PackageRef.of("git"), PackageRef.of("curl")),
                        List.of())));
        long t0 = System.nanoTime();
        PackageCatalog catalog = new RemixEngine(EngineSettings.defaults()).loadCatalog(spec, e -> { });
        long loaded = System.nanoTime();
        var plan = catalog.plan(spec);
        long planned = System.nanoTime();
        System.out.printf(Locale.ROOT, "catalog load %.0f ms; first plan %.0f ms (%d packages, %,d KiB)%n",
                ms(loaded - t0), ms(planned - loaded), plan.packages().size(), plan.installedSize());
        WARMUP.forEach(e -> catalog.impact(spec, e));
        List<Double> times = new ArrayList<>();
        for (LayerEdit edit : EDITS) {
            long s = System.nanoTime();
            Impact impact = catalog.impact(spec, edit);
            double took = ms(System.nanoTime() - s);
            times.add(took);
            System.out.printf(Locale.ROOT, "%-8s %-28s %7.1f ms  +%d -%d packages, %+,d KiB%n",
                    edit.add().isEmpty() ? "remove" : "add", edit.layer() + ": " + String.join(",", edit.add())
                            + String.join(",", edit.remove()), took, impact.added().size(), impact.removed().size(),
                    impact.installedDelta());
        }
        times.sort(null);
        System.out.printf(Locale.ROOT, "impact latency over %d edits: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                times.size(), percentile(times, 50), percentile(times, 95), times.get(times.size() - 1));
        licenses(catalog, spec);
    }

    /** The license stream of each edit: filled once, then timed until complete over a warm store. */
    private static void licenses(PackageCatalog catalog, RemixSpec spec) {
        long fill = System.nanoTime();
        int[] read = {0};
        for (LayerEdit edit : EDITS) {
            catalog.licenseImpact(catalog.impact(spec, edit), null, s -> { }, e -> {
                if (e.done() > 0) {
                    read[0]++;
                }
            });
        }
        System.out.printf(Locale.ROOT, "license store filled: %d source packages read in %.1f s%n", read[0],
                ms(System.nanoTime() - fill) / 1000);
        List<Double> complete = new ArrayList<>();
        List<Double> streamOnly = new ArrayList<>();
        for (LayerEdit edit : EDITS) {
            long s = System.nanoTime();
            Impact impact = catalog.impact(spec, edit);
            long sized = System.nanoTime();
            LicenseImpact[] last = {null};
            catalog.licenseImpact(impact, null, u -> last[0] = u, e -> { });
            long done = System.nanoTime();
            complete.add(ms(done - s));
            streamOnly.add(ms(done - sized));
            System.out.printf(Locale.ROOT, "%-8s %-28s %7.1f ms until licenses complete  +%d -%d licenses, %d pending%n",
                    edit.add().isEmpty() ? "remove" : "add", edit.layer() + ": " + String.join(",", edit.add())
                            + String.join(",", edit.remove()), ms(done - s), last[0].entering().size(),
                    last[0].leaving().size(), last[0].pending());
        }
        complete.sort(null);
        streamOnly.sort(null);
        System.out.printf(Locale.ROOT, "impact until licenses complete (warm store) over %d edits: p50 %.1f ms, "
                        + "p95 %.1f ms, max %.1f ms (license stream alone: p50 %.1f ms, p95 %.1f ms)%n",
                complete.size(), percentile(complete, 50), percentile(complete, 95),
                complete.get(complete.size() - 1), percentile(streamOnly, 50), percentile(streamOnly, 95));
        List<PlannedPackage> image = catalog.plan(spec).packages();
        List<PlannedPackage> six = image.subList(0, Math.min(600, image.size()));
        List<Double> lookups = new ArrayList<>();
        int hits = 0;
        for (int i = 0; i < 25; i++) {
            long s = System.nanoTime();
            hits = catalog.knownLicenses(six).size();
            lookups.add(ms(System.nanoTime() - s));
        }
        lookups.sort(null);
        System.out.printf(Locale.ROOT, "knownLicenses of %d packages (%d known): p50 %.1f ms, p95 %.1f ms%n",
                six.size(), hits, percentile(lookups, 50), percentile(lookups, 95));
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
