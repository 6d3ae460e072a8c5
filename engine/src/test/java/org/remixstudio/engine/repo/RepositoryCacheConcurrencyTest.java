package org.remixstudio.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/** Several writers filling one cache at the same time must leave it whole and usable. */
class RepositoryCacheConcurrencyTest {

    @TempDir
    Path tmp;

    private FixtureRepository repo() {
        FixtureRepository.Builder b = FixtureRepository.builder(tmp.resolve("repo"));
        for (int i = 0; i < 40; i++) {
            b.add(FixturePackage.of("pkg" + i, "1." + i).depends("pkg" + (i + 1) + " (>= 1.0)"));
        }
        return b.build();
    }

    @Test
    void concurrentThreads_fillOneCache_andEveryoneSeesTheSameCatalog() throws Exception {
        FixtureRepository repo = repo();
        Path cache = tmp.resolve("cache");
        AptSource source = new OneLineSourcesParser("t").parseLine(repo.sourcesLine(), 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoadedCatalog>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return RepositoryCatalogLoader.create(new SystemSources(tmp.resolve("none")), cache)
                        .load(List.of(source), "amd64", false, e -> { });
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<LoadedCatalog> f : results) {
            assertThat(f.get().catalog().all()).hasSize(40);
        }
        assertCacheIsWholeAndWorksOffline(cache, source);
    }

    @Test
    void concurrentProcesses_fillOneCache_withoutCorruptingIt() throws Exception {
        FixtureRepository repo = repo();
        Path cache = tmp.resolve("cache");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CacheWriterProcess.class.getName(), cache.toString(), repo.sourcesLine())
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out.strip()).isEqualTo("40");
        }
        assertCacheIsWholeAndWorksOffline(cache, new OneLineSourcesParser("t").parseLine(repo.sourcesLine(), 1));
    }

    private void assertCacheIsWholeAndWorksOffline(Path cache, AptSource source) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .isNotEmpty()
                    .noneMatch(n -> n.startsWith(".tmp-"));
        }
        LoadedCatalog offline = RepositoryCatalogLoader.create(new SystemSources(tmp.resolve("none")), cache)
                .load(List.of(source), "amd64", true, e -> { });
        assertThat(offline.catalog().all()).hasSize(40);
        assertThat(offline.suites().get(0).fromCache()).isTrue();
    }
}
