package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.spec.RemixSpecReader;

/**
 * The size the studio predicts for a remix, before building, against the tree a real build makes:
 * the plan's installed size (the packages' {@code Installed-Size}, KiB) and the bytes of every
 * regular file of the built root filesystem agree within the tolerance docs/impact.md documents
 * (5%: Installed-Size is a per-file rounded estimate made when the package was built, and configuring
 * adds and removes files — caches, the dpkg database, the SBOMs).
 */
@Tag("archive")
class SizePredictionArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");
    static final double TOLERANCE = 0.05;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"minimal-bookworm.remix.json", "two-layers-remove.remix.json"})
    void predictedInstalledSize_matchesTheBuiltTree(String example) throws Exception {
        Path spec = Path.of(System.getProperty("user.dir")).resolve("../docs/examples").resolve(example).normalize();
        RemixEngine engine = new RemixEngine(EngineSettings.defaults().withCacheDir(CACHE));
        long predicted = engine.loadCatalog(new RemixSpecReader().read(spec), e -> { })
                .plan(new RemixSpecReader().read(spec)).installedSize() * 1024;

        Path tree = engine.build(new BuildRequest(spec, tmp.resolve("tree.tar"), BuildRequest.Format.ROOTFS, false, null,
                List.of()), e -> { }).output();
        long built = 0;
        try (InputStream in = Files.newInputStream(tree); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile() && !e.isLink()) {
                    built += e.getSize();
                }
            }
        }

        assertThat((double) Math.abs(predicted - built) / built)
                .as("predicted %,d bytes, built tree %,d bytes", predicted, built)
                .isLessThan(TOLERANCE);
    }
}
