package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remixstudio.engine.testing.AptOracle;
import org.remixstudio.engine.testing.MmdebstrapOracle;
import org.remixstudio.engine.testing.RealArchive;

/**
 * Our package set against apt's, through mmdebstrap, on the real archive: names and versions must be
 * identical for the base variants alone and for real requests of many kinds, on bookworm and trixie.
 */
@Tag("archive")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolverArchiveTest {

    static final List<String> RELEASES = List.of("bookworm", "trixie");
    static final List<String> INCLUDES = List.of("nginx", "apache2", "postgresql", "mariadb-server", "python3",
            "default-jre-headless", "nodejs", "vim", "emacs-nox", "gnome-core", "libreoffice", "build-essential",
            "openssh-server", "git", "curl", "php-cli");

    private final java.util.Map<String, Resolver> resolvers = new java.util.HashMap<>();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String release : RELEASES) {
            out.add(Arguments.of(release, "essential", null));
            out.add(Arguments.of(release, "minbase", null));
            out.add(Arguments.of(release, "important", null));
            out.add(Arguments.of(release, "standard", null));
            for (String include : INCLUDES) {
                out.add(Arguments.of(release, "minbase", include));
            }
        }
        return out.stream();
    }

    /** Asks mmdebstrap for every case up front, two at a time (the machine has two cores). */
    @org.junit.jupiter.api.BeforeAll
    void askAptEarly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            cases().forEach(a -> futures.add(pool.submit(() -> MmdebstrapOracle.answer(
                    (String) a.get()[0], (String) a.get()[1], (String) a.get()[2]))));
            cases().forEach(a -> futures.add(pool.submit(() -> AptOracle.answer(
                    (String) a.get()[0], (String) a.get()[1], (String) a.get()[2]))));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Resolver resolver(String release) {
        return resolvers.computeIfAbsent(release, r -> new Resolver(RealArchive.catalog(r, "amd64"), "amd64"));
    }

    /** What a real mmdebstrap run installs: its second apt call sees the Essential set installed. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void resolve_matchesAptAsARealMmdebstrapRunsIt_exactly(String release, String variant, String include) {
        Resolution ours = resolver(release).resolve(request(release, variant, include));
        assertSame(release, variant, include, ours, AptOracle.answer(release, variant, include));
    }

    /** mmdebstrap --simulate itself: both apt calls start from an empty system. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void resolveDryRun_matchesMmdebstrapSimulate_exactly(String release, String variant, String include) {
        Resolution ours = resolver(release).resolve(request(release, variant, include), true);
        assertSame(release, variant, include, ours, MmdebstrapOracle.answer(release, variant, include));
    }

    private static ResolveRequest request(String release, String variant, String include) {
        ResolveRequest request = ResolveRequest.base(BaseVariant.parse(variant), release);
        return include == null ? request : request.withInstall(include);
    }

    private static void assertSame(String release, String variant, String include, Resolution ours,
            List<String> answer) {
        List<String> apt = new ArrayList<>(answer);
        apt.sort(null);
        List<String> mine = new ArrayList<>(ours.nameVersions());
        mine.sort(null);

        List<String> missing = new ArrayList<>(apt);
        missing.removeAll(mine);
        List<String> extra = new ArrayList<>(mine);
        extra.removeAll(apt);
        assertThat(missing).as("%s %s %s: apt installs these and we do not", release, variant, include).isEmpty();
        assertThat(extra).as("%s %s %s: we install these and apt does not", release, variant, include).isEmpty();
        assertThat(ours.packages()).allSatisfy(p -> assertThat(p.reason().describe()).doesNotContain("(nothing)"));
    }
}
