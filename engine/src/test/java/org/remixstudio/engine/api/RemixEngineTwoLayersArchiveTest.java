package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remixstudio.engine.testing.ContainerTools.podmanLoad;
import static org.remixstudio.engine.testing.ContainerTools.skopeoCopyBothWays;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.cli.RemixCli;
import org.remixstudio.engine.testing.ContainerTools;

/**
 * The layered example {@code docs/examples/two-layers-remove.remix.json} (layer "tools" adds curl and
 * less, layer "trim" removes less) built once from the real archive: the container tools take it,
 * podman runs the issue's check in it with less gone and curl there, and {@code remix inspect} shows
 * the removal as whiteouts of less's files in the "trim" layer, as {@code RUN apt-get remove} would.
 */
@Tag("archive")
class RemixEngineTwoLayersArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");

    @TempDir
    static Path tmp;

    private static Path image;
    private static BuildResult result;
    private static ContainerTools.LoadedImage loaded;

    @BeforeAll
    static void buildOnce() throws Exception {
        image = tmp.resolve("two-layers.tar");
        String tag = "remix-test/two-layers:t" + System.nanoTime();
        Path spec = Path.of(System.getProperty("user.dir")).resolve("../docs/examples/two-layers-remove.remix.json")
                .normalize();
        result = new RemixEngine(EngineSettings.defaults().withCacheDir(CACHE))
                .build(new BuildRequest(spec, image, BuildRequest.Format.OCI, false, tag, List.of()), e -> { });
        loaded = podmanLoad(image, tag);
    }

    @AfterAll
    static void removeImage() throws Exception {
        if (loaded != null) {
            loaded.close();
        }
    }

    @Test
    void build_writesOneLayerPerSpecLayer_theLastRemovingOnePackage() {
        assertThat(result.layers()).extracting(BuildResult.Layer::name).containsExactly("base", "tools", "trim", "sbom");
        assertThat(result.layers().get(2).removed()).isEqualTo(1);
        assertThat(result.layers().get(2).added()).isZero();
    }

    @Test
    void skopeo_copiesTheArchive_asOciArchiveAndAsDockerArchive() throws Exception {
        skopeoCopyBothWays(image, tmp.resolve("skopeo"));
        assertThat(tmp.resolve("skopeo/oci/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("skopeo/docker/manifest.json")).isRegularFile();
    }

    @Test
    void podman_runsTheIssuesCheck_withAConsistentDpkgDatabase() throws Exception {
        String out = loaded.run(ContainerTools.SMOKE_TEST_BOOKWORM);

        assertThat(out).containsPattern("apt \\d").contains("uid=0(root)").containsIgnoringCase("awk");
    }

    @Test
    void podman_seesTheRemovedPackageGone_andTheOtherOfItsLayerStill() throws Exception {
        String out = loaded.run("! dpkg -s less 2>/dev/null && test ! -e /usr/bin/less && command -v curl");

        assertThat(out).contains("/usr/bin/curl");
    }

    @Test
    void remixInspect_listsLesssFilesAsWhiteouts_underTheTrimLayerOnly() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RemixCli.execute(new String[] {"inspect", image.toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).as(err.toString()).isZero();
        String text = out.toString();
        int tools = text.indexOf("  [2] ");
        int trim = text.indexOf("  [3] ");
        assertThat(tools).isPositive();
        assertThat(trim).isGreaterThan(tools);
        assertThat(text.substring(tools, trim)).doesNotContain("whiteouts (").contains("less ");
        assertThat(text.substring(trim)).contains("created by: remix: layer trim", "whiteouts (",
                "        /usr/bin/less\n", "        /var/lib/dpkg/info/less.list\n", "packages removed (1):",
                "        less ");
    }
}
