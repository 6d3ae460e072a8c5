package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/**
 * A VM export that cannot boot is refused before anything is fetched or written: over a signed
 * fixture archive that has no kernel, and with a kernel flavour that does not exist.
 */
class RemixEngineVmRefusalTest {

    @TempDir
    static Path tmp;

    static Path spec;

    @BeforeAll
    static void archiveWithoutAKernel() throws Exception {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("repo"))
                .suite("stable").codename("fixture")
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required"))
                .add(FixturePackage.of("webd", "1.0-1"))
                .build();
        spec = Files.writeString(tmp.resolve("web.remix.json"), """
                {
                  "specVersion": 1,
                  "name": "web",
                  "sources": [{"types": ["deb"], "uris": ["%s"], "suites": ["stable"], "components": ["main"],
                               "signedBy": "%s"}],
                  "suite": "stable",
                  "architecture": "amd64",
                  "variant": "minbase",
                  "layers": [{"name": "server", "add": ["webd"]}]
                }
                """.formatted(repo.uri(), repo.keyringGpg()));
    }

    private static RemixEngine engine() {
        return new RemixEngine(EngineSettings.defaults().withCacheDir(tmp.resolve("cache"))
                .withDataDir(tmp.resolve("data")));
    }

    @Test
    void noKernelForTheArchitecture_isRefusedNamingThePackageAndWhatToDo() {
        Path out = tmp.resolve("web.qcow2");

        assertThatThrownBy(() -> engine().build(new BuildRequest(spec, out, BuildRequest.Format.QCOW2, false, null,
                List.of()), e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("no kernel for amd64")
                .hasMessageContaining("linux-image-cloud-amd64")
                .hasMessageContaining("--kernel generic");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("cache/debs")).doesNotExist();
    }

    @Test
    void anUnknownKernelFlavour_isRefused() {
        assertThatThrownBy(() -> engine().build(new BuildRequest(spec, tmp.resolve("x.raw"), BuildRequest.Format.RAW,
                false, null, List.of()).withKernel("rt"), e -> { }))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("'rt'").hasMessageContaining("cloud or generic");
    }
}
