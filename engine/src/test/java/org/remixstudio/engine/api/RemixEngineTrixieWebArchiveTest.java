package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remixstudio.engine.testing.ContainerTools.podmanLoad;
import static org.remixstudio.engine.testing.ContainerTools.skopeoCopyBothWays;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.ContainerTools;

/**
 * The web-server example {@code docs/examples/trixie-web.remix.json} (nginx on trixie, a page and a
 * timezone as customizations) built once from the real archive, through the host's sources with the
 * suite the spec names: the container tools take the tarball and podman runs the issue's check in it
 * with nginx installed and the customized page in place.
 */
@Tag("archive")
class RemixEngineTrixieWebArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");

    @TempDir
    static Path tmp;

    private static Path image;
    private static BuildResult result;
    private static ContainerTools.LoadedImage loaded;

    @BeforeAll
    static void buildOnce() throws Exception {
        image = tmp.resolve("trixie-web.tar");
        String tag = "remix-test/trixie-web:t" + System.nanoTime();
        Path spec = Path.of(System.getProperty("user.dir")).resolve("../docs/examples/trixie-web.remix.json")
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
    void build_writesTheBaseTheWebLayerAndTheCustomizations() {
        assertThat(result.layers()).extracting(BuildResult.Layer::name).containsExactly("base", "web", "customizations", "sbom");
        assertThat(result.layers().get(1).added()).isPositive();
    }

    @Test
    void skopeo_copiesTheArchive_asOciArchiveAndAsDockerArchive() throws Exception {
        skopeoCopyBothWays(image, tmp.resolve("skopeo"));
        assertThat(tmp.resolve("skopeo/oci/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("skopeo/docker/manifest.json")).isRegularFile();
    }

    @Test
    void podman_runsTheIssuesCheck_withAConsistentDpkgDatabase() throws Exception {
        String out = loaded.run(ContainerTools.SMOKE_TEST);

        assertThat(out).containsPattern("apt \\d").contains("uid=0(root)").containsIgnoringCase("awk");
    }

    @Test
    void podman_findsNginxInstalled_andTheCustomizedPage() throws Exception {
        String out = loaded.run("test -x /usr/sbin/nginx && dpkg-query -W -f '${Status}\\n' nginx"
                + " && nginx -v 2>&1 && cat /var/www/html/index.html");

        assertThat(out).contains("install ok installed", "nginx version: nginx/", "Hello from a remixed trixie.");
    }
}
