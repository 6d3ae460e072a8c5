package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/**
 * A build given the catalog loaded for the same sources, suite and architecture reads no package index
 * again; given a catalog of other sources, it loads its own. Seen through a VM export over a signed
 * fixture archive without a kernel: it is refused right after the catalog step, before anything is
 * fetched, so the progress events show whether the catalog was loaded.
 */
class RemixEngineCatalogReuseTest {

    @TempDir
    static Path tmp;

    static Path spec;
    static Path otherSpec;

    @BeforeAll
    static void twoArchivesWithoutAKernel() throws Exception {
        spec = specOver(FixtureRepository.builder(tmp.resolve("repo"))
                .suite("stable").codename("fixture")
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required"))
                .add(FixturePackage.of("webd", "1.0-1"))
                .build(), "web");
        otherSpec = specOver(FixtureRepository.builder(tmp.resolve("other"))
                .suite("stable").codename("fixture")
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required"))
                .add(FixturePackage.of("webd", "2.0-1"))
                .build(), "other");
    }

    private static Path specOver(FixtureRepository repo, String name) throws Exception {
        return Files.writeString(tmp.resolve(name + ".remix.json"), """
                {
                  "specVersion": 1,
                  "name": "%s",
                  "sources": [{"types": ["deb"], "uris": ["%s"], "suites": ["stable"], "components": ["main"],
                               "signedBy": "%s"}],
                  "suite": "stable",
                  "architecture": "amd64",
                  "variant": "minbase",
                  "layers": [{"name": "server", "add": ["webd"]}]
                }
                """.formatted(name, repo.uri(), repo.keyringGpg()));
    }

    private static RemixEngine engine() {
        return new RemixEngine(EngineSettings.defaults().withCacheDir(tmp.resolve("cache"))
                .withDataDir(tmp.resolve("data")));
    }

    /** The steps a refused VM build reported, given {@code catalog}. */
    private static List<String> stepsOfARefusedBuild(PackageCatalog catalog) {
        List<String> steps = new ArrayList<>();
        assertThatThrownBy(() -> engine().build(new BuildRequest(spec, tmp.resolve("web.qcow2"),
                BuildRequest.Format.QCOW2, false, null, List.of()), catalog, e -> steps.add(e.step())))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("no kernel for amd64");
        return steps;
    }

    @Test
    void theCatalogOfTheSameSources_isBuiltFromWithoutLoadingAgain() {
        PackageCatalog catalog = engine().loadCatalog(new RemixSpecReader().read(spec), e -> { });

        assertThat(stepsOfARefusedBuild(catalog)).doesNotContain("release", "fetch", "parse");
    }

    @Test
    void theCatalogOfOtherSources_isIgnored() {
        PackageCatalog other = engine().loadCatalog(new RemixSpecReader().read(otherSpec), e -> { });

        assertThat(stepsOfARefusedBuild(other)).contains("release");
    }

    @Test
    void withoutACatalog_theBuildLoadsItsOwn() {
        assertThat(stepsOfARefusedBuild(null)).contains("release");
    }
}
