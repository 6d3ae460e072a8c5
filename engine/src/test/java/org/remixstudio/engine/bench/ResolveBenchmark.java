package org.remixstudio.engine.bench;

import java.util.Arrays;
import java.util.List;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.resolve.BaseVariant;
import org.remixstudio.engine.resolve.Resolution;
import org.remixstudio.engine.resolve.ResolveRequest;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.testing.RealArchive;

/**
 * In-process resolution times on the real archive: minbase alone and with gnome-core, libreoffice and
 * texlive-full, median of 20 runs after 20 warm-up runs. Run with
 * {@code mvn -q -o -pl engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.remixstudio.engine.bench.ResolveBenchmark [-Dexec.args=trixie]}.
 */
public final class ResolveBenchmark {

    private ResolveBenchmark() {
    }

    public static void main(String[] args) {
        String release = args.length > 0 ? args[0] : "bookworm";
        long t0 = System.nanoTime();
        Catalog catalog = RealArchive.catalog(release, "amd64");
        long t1 = System.nanoTime();
        Resolver resolver = new Resolver(catalog, "amd64");
        long t2 = System.nanoTime();
        System.out.printf("%s amd64: %d entries; load+parse %.0f ms, resolver index %.0f ms%n", release,
                catalog.all().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        System.out.printf("%-16s %9s %10s %10s %10s%n", "request", "packages", "median ms", "min ms", "max ms");
        for (String include : List.of("", "gnome-core", "libreoffice", "texlive-full")) {
            ResolveRequest request = ResolveRequest.base(BaseVariant.MINBASE, release);
            if (!include.isEmpty()) {
                request = request.withInstall(include);
            }
            Resolution result = null;
            for (int i = 0; i < 20; i++) {
                result = resolver.resolve(request);
            }
            double[] ms = new double[20];
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                result = resolver.resolve(request);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-16s %9d %10.1f %10.1f %10.1f%n", include.isEmpty() ? "minbase" : include,
                    result.size(), (ms[9] + ms[10]) / 2, ms[0], ms[19]);
        }
    }
}
