package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.build.layer.ManifestEntry;
import org.remixstudio.engine.build.layer.TreeManifest;

/**
 * Rebuilds on a kept tree (decision record 0004) against the real archive, with a fixed timestamp:
 * the layers a build makes on an overlay over a kept tree, whether that tree was kept by an earlier
 * build or re-created from the cached blobs, are bit-identical to the layers a build from nothing
 * makes in place, and the kept tree is not changed by the build on top of it (every path's metadata,
 * content hash and change time are the same after). Where no overlay can be mounted, builds fall back to
 * re-creating the tree from the blobs in their work directory, with the same layers.
 */
@Tag("archive")
class KeptTreeRebuildArchiveTest {

    private static final Path WARM = Path.of("/tmp/remix-test-archive/repo-cache");
    private static final long TIMESTAMP = 1_700_000_000L;

    @TempDir
    static Path tmp;

    private static BuildResult slowPlus;
    private static BuildResult fastMinimal;
    private static BuildResult fastPlus;
    private static TreeManifest keptBefore;
    private static TreeManifest keptAfter;
    private static List<String> keptTreesAfterBase;
    private static BuildResult fallbackPlus;
    private static Path fallback;

    @BeforeAll
    static void buildBothWays() throws Exception {
        Path slow = cache("slow");
        Path fast = cache("fast");
        Path base = spec("kept-base", "");
        Path minimal = spec("kept-minimal", "{\"name\": \"certificates\", \"add\": [\"ca-certificates\"]}");
        Path plus = spec("kept-plus", "{\"name\": \"certificates\", \"add\": [\"ca-certificates\"]},"
                + " {\"name\": \"extra\", \"add\": [\"less\"]}");

        // from nothing, every layer in place
        slowPlus = build(slow, plus, "slow-plus.tar");

        // the base alone keeps its tree; the certificates layer is then built on an overlay over it
        build(fast, base, "fast-base.tar");
        Path trees = fast.resolve("trees/v1");
        keptTreesAfterBase = list(trees);
        Path kept = trees.resolve(keptTreesAfterBase.get(0)).resolve("tree");
        keptBefore = TreeManifest.scan(kept);
        fastMinimal = build(fast, minimal, "fast-minimal.tar");
        keptAfter = TreeManifest.scan(kept);
        // no tree was kept for the chain up to certificates: the next build re-creates it from the blobs
        fastPlus = build(fast, plus, "fast-plus.tar");

        // overlayfs options cannot carry a ',' in a path, so in this cache no overlay can be mounted and the
        // builds take the path without kept trees: re-create the tree in the work directory, build in place
        fallback = cache("no,overlay");
        build(fallback, base, "fallback-base.tar");
        fallbackPlus = build(fallback, plus, "fallback-plus.tar");
    }

    /** Removes the caches quietly (JUnit would warn about every symbolic link of the kept trees). */
    @AfterAll
    static void removeCaches() throws Exception {
        new ProcessBuilder("rm", "-rf", "--one-file-system", tmp.resolve("slow-cache").toString(),
                tmp.resolve("fast-cache").toString(), tmp.resolve("no,overlay-cache").toString()).inheritIO().start()
                .waitFor();
    }

    @Test
    void aBuildFromNothing_keepsTheTreeAfterItsTopPackageLayer() {
        assertThat(keptTreesAfterBase).hasSize(1);
    }

    @Test
    void aLayerBuiltOnAKeptTree_isBitIdenticalToTheOneBuiltInPlace() {
        assertThat(fastMinimal.layers().get(0).fromCache()).isTrue();
        assertThat(fastMinimal.layers().get(1).fromCache()).isFalse();
        assertThat(fastMinimal.layers().subList(0, 2)).extracting(BuildResult.Layer::diffId)
                .containsExactlyElementsOf(slowPlus.layers().subList(0, 2).stream().map(BuildResult.Layer::diffId)
                        .toList());
    }

    @Test
    void aLayerBuiltOnATreeReCreatedFromBlobs_isBitIdenticalToTheOneBuiltInPlace() {
        assertThat(fastPlus.layers()).extracting(BuildResult.Layer::name)
                .containsExactly("base", "certificates", "extra", "sbom");
        assertThat(fastPlus.layers().get(2).fromCache()).isFalse();
        assertThat(fastPlus.layers().subList(0, 3)).extracting(BuildResult.Layer::diffId)
                .containsExactlyElementsOf(slowPlus.layers().subList(0, 3).stream().map(BuildResult.Layer::diffId)
                        .toList());
        assertThat(fastPlus.digest()).isEqualTo(slowPlus.digest());
    }

    @Test
    void withoutOverlays_theTreeIsReCreatedInTheWorkDirectory_andTheLayersAreTheSame() throws IOException {
        assertThat(fallbackPlus.layers().get(0).fromCache()).isTrue();
        assertThat(fallbackPlus.layers().get(1).fromCache()).isFalse();
        assertThat(fallbackPlus.digest()).isEqualTo(slowPlus.digest());
        Path trees = fallback.resolve("trees/v1");
        assertThat(Files.isDirectory(trees) ? list(trees) : List.of()).isEmpty();
    }

    @Test
    void theKeptTree_isUnchangedByTheBuildOnTopOfIt() {
        assertThat(keptAfter.differences(keptBefore, true)).isEmpty();
        assertThat(ctimes(keptAfter)).isEqualTo(ctimes(keptBefore));
        assertThat(keptBefore.size()).isGreaterThan(5000);
    }

    private static Map<String, String> ctimes(TreeManifest m) {
        Map<String, String> out = new TreeMap<>();
        for (ManifestEntry e : m.entries()) {
            out.put(e.path(), e.ctime() + " " + e.inode());
        }
        return out;
    }

    private static BuildResult build(Path cache, Path spec, String out) {
        return new RemixEngine(EngineSettings.defaults().withCacheDir(cache))
                .build(new BuildRequest(spec, tmp.resolve(out), BuildRequest.Format.OCI, false, null, List.of()),
                        e -> { });
    }

    private static Path spec(String name, String layers) throws IOException {
        Path file = tmp.resolve(name + ".remix.json");
        Files.writeString(file, "{\"specVersion\": 1, \"name\": \"kept\", \"sources\": \"system\","
                + " \"suite\": \"bookworm\", \"architecture\": \"amd64\", \"variant\": \"minbase\","
                + " \"recommends\": false, \"timestamp\": " + TIMESTAMP + ", \"layers\": [" + layers + "]}");
        return file;
    }

    /** A cache with the archive tests' metadata and .debs as hard links (when they exist), and no layers. */
    private static Path cache(String name) throws IOException {
        Path to = tmp.resolve(name + "-cache");
        for (String dir : List.of("blobs", "snapshots", "releases", "debs")) {
            Path source = WARM.resolve(dir);
            if (!Files.isDirectory(source)) {
                continue;
            }
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(dir).resolve(source.relativize(d).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.createLink(to.resolve(dir).resolve(source.relativize(f).toString()), f);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        Files.createDirectories(to);
        return to;
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(p -> {
                if (!p.getFileName().toString().startsWith(".")) {
                    names.add(p.getFileName().toString());
                }
            });
        }
        return names;
    }
}
