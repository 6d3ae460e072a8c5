package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.testing.AptOracle;
import org.remixstudio.engine.testing.RealArchive;

/**
 * Packages drawn at random (seeded) from the real archive, each requested on top of minbase, with
 * Recommends off on bookworm and on for trixie, compared with apt's real two-call answer. Finds the
 * corners hand-picked cases miss; {@code -Drandom.count=N} draws more per release.
 */
@Tag("archive")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolverRandomArchiveTest {

    record Pick(String release, String pkg, boolean recommends) {
        @Override
        public String toString() {
            return release + " +" + pkg + (recommends ? " with Recommends" : "");
        }
    }

    private final Map<String, Resolver> resolvers = new HashMap<>();
    private final Map<Pick, List<String>> answers = new HashMap<>();

    static Stream<Pick> picks() {
        int count = Integer.getInteger("random.count", 12);
        List<Pick> out = new ArrayList<>();
        for (String release : List.of("bookworm", "trixie")) {
            Catalog catalog = RealArchive.catalog(release, "amd64");
            List<String> names = new ArrayList<>(new TreeSet<>(catalog.names()));
            Random random = new Random(release.hashCode());
            List<String> chosen = new ArrayList<>();
            while (chosen.size() < count) {
                String name = names.get(random.nextInt(names.size()));
                boolean usable = catalog.candidate(name)
                        .map(p -> p.architecture().equals("amd64") || p.architecture().equals("all")).orElse(false);
                if (usable && !chosen.contains(name)) {
                    chosen.add(name);
                    out.add(new Pick(release, name, release.equals("trixie")));
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    void askApt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<Pick, Future<List<String>>> futures = new HashMap<>();
            picks().forEach(p -> futures.put(p, pool.submit(() -> {
                try {
                    return AptOracle.answer(p.release(), "amd64", "minbase", p.pkg(), p.recommends());
                } catch (IllegalStateException aptFailed) {
                    return null;
                }
            })));
            for (Map.Entry<Pick, Future<List<String>>> e : futures.entrySet()) {
                answers.put(e.getKey(), e.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("picks")
    void resolve_matchesApt(Pick p) {
        Resolver resolver = resolvers.computeIfAbsent(p.release(),
                r -> new Resolver(RealArchive.catalog(r, "amd64"), "amd64"));
        ResolveRequest request = ResolveRequest.base(BaseVariant.MINBASE, p.release()).withInstall(p.pkg())
                .withRecommends(p.recommends());
        List<String> apt = answers.get(p);
        if (apt == null) {
            assertThatThrownBy(() -> resolver.resolve(request)).isInstanceOf(EngineException.class);
            return;
        }
        List<String> ours = new ArrayList<>(resolver.resolve(request).nameVersions());
        ours.sort(null);
        List<String> expected = new ArrayList<>(apt);
        expected.sort(null);
        assertThat(ours).isEqualTo(expected);
    }
}
