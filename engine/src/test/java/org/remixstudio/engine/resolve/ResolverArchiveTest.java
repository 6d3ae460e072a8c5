package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.remixstudio.engine.testing.AptOracle;
import org.remixstudio.engine.testing.MmdebstrapOracle;
import org.remixstudio.engine.testing.RealArchive;

/**
 * Our package set against apt's on the real archive: names and versions must be identical, for the
 * base variants alone and for real requests of many kinds, on bookworm and trixie. Two answers from
 * apt are checked: what a real mmdebstrap run installs (its second apt call sees the Essential set
 * installed; {@link AptOracle}) and what {@code mmdebstrap --simulate} prints (both calls start empty;
 * {@link MmdebstrapOracle}).
 */
@Tag("archive")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolverArchiveTest {

    /** One comparison: a release, an architecture, a variant, what --include gets, Recommends on or off. */
    record Case(String release, String arch, String variant, String include, boolean recommends) {
        ResolveRequest request() {
            ResolveRequest r = ResolveRequest.base(BaseVariant.parse(variant), release).withRecommends(recommends);
            return include == null ? r : r.withInstall(include.split(","));
        }

        @Override
        public String toString() {
            return release + " " + arch + " " + variant + (include == null ? "" : " +" + include)
                    + (recommends ? " with Recommends" : "");
        }
    }

    static final List<String> INCLUDES = List.of("nginx", "apache2", "postgresql", "mariadb-server", "python3",
            "default-jre-headless", "nodejs", "vim", "emacs-nox", "gnome-core", "libreoffice", "build-essential",
            "openssh-server", "git", "curl", "php-cli", "xfce4", "kde-plasma-desktop", "docker.io", "golang",
            "postfix,logwatch", "sysvinit-core", "texlive-full", "network-manager");
    static final List<String> WITH_RECOMMENDS = List.of("curl", "git", "vim", "openssh-server", "gnome-core",
            "libreoffice");

    private final Map<String, Resolver> resolvers = new HashMap<>();

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String release : List.of("bookworm", "trixie")) {
            for (String variant : List.of("essential", "minbase", "important", "standard")) {
                out.add(new Case(release, "amd64", variant, null, false));
            }
            for (String include : INCLUDES) {
                out.add(new Case(release, "amd64", "minbase", include, false));
            }
            out.add(new Case(release, "amd64", "standard", "openssh-server,sudo", false));
            out.add(new Case(release, "amd64", "essential", "apt", false));
            for (String include : WITH_RECOMMENDS) {
                out.add(new Case(release, "amd64", "minbase", include, true));
            }
            out.add(new Case(release, "arm64", "minbase", null, false));
            out.add(new Case(release, "arm64", "minbase", "nginx", false));
            out.add(new Case(release, "arm64", "minbase", "gnome-core", false));
        }
        return out.stream();
    }

    private static List<String> realRun(Case c) {
        return AptOracle.answer(c.release(), c.arch(), c.variant(), c.include(), c.recommends());
    }

    private static List<String> simulate(Case c) {
        return MmdebstrapOracle.answer(c.release(), c.arch(), c.variant(), c.include(), c.recommends());
    }

    /** Asks apt for every case up front, two at a time (the machine has two cores). */
    @BeforeAll
    void askAptEarly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            cases().forEach(c -> futures.add(pool.submit(() -> simulate(c))));
            cases().forEach(c -> futures.add(pool.submit(() -> realRun(c))));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Resolver resolver(Case c) {
        return resolvers.computeIfAbsent(c.release() + "/" + c.arch(),
                k -> new Resolver(RealArchive.catalog(c.release(), c.arch()), c.arch()));
    }

    /** What a real mmdebstrap run installs: its second apt call sees the Essential set installed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolve_matchesAptAsARealMmdebstrapRunsIt_exactly(Case c) {
        assertSame(c, resolver(c).resolve(c.request()), realRun(c));
    }

    /** mmdebstrap --simulate itself: both apt calls start from an empty system. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolveDryRun_matchesMmdebstrapSimulate_exactly(Case c) {
        assertSame(c, resolver(c).resolve(c.request(), true), simulate(c));
    }

    private static void assertSame(Case c, Resolution ours, List<String> answer) {
        List<String> apt = new ArrayList<>(answer);
        apt.sort(null);
        List<String> mine = new ArrayList<>(ours.nameVersions());
        mine.sort(null);
        List<String> missing = new ArrayList<>(apt);
        missing.removeAll(mine);
        List<String> extra = new ArrayList<>(mine);
        extra.removeAll(apt);
        assertThat(apt).as("%s: apt's answer", c).isNotEmpty();
        assertThat(missing).as("%s: apt installs these and we do not", c).isEmpty();
        assertThat(extra).as("%s: we install these and apt does not", c).isEmpty();
        assertThat(ours.packages()).allSatisfy(p -> assertThat(p.reason().describe()).doesNotContain("(nothing)"));
    }
}
