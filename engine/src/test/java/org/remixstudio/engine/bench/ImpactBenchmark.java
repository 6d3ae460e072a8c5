package org.remixstudio.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.Impact;
import org.remixstudio.engine.api.LayerEdit;
import org.remixstudio.engine.api.PackageCatalog;
import org.remixstudio.engine.api.RemixEngine;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * Impact latency, the figure the studio's drag-and-drop lives on: a bookworm minbase remix with a
 * {@code desktop} layer (gnome-core) and a {@code tools} layer, and 20 realistic edits, each asked
 * once, as a drag over a layer asks it (the remix as it is has been planned before, as the studio
 * always has; the edited remix is new). A warm-up pass of 20 other edits first warms the JIT.
 * Sizes and package sets only (licenses stream separately). Uses the host's sources and the user's
 * cache (run any {@code remix} command once first). From the repository root:
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
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
