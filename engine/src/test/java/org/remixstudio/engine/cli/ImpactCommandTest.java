package org.remixstudio.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/** {@code remix impact} over a real signed fixture archive: text and JSON, layers by name and number. */
class ImpactCommandTest {

    @TempDir
    static Path tmp;

    static Path spec;

    private static final String DEP5 = "Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\nLicense: ";

    @BeforeAll
    static void archive() throws Exception {
        FixtureRepository repo = FixtureRepository.builder(tmp.resolve("repo"))
                .suite("stable").codename("fixture")
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required"))
                .add(FixturePackage.of("webd", "1.0-1").depends("libwebd1")
                        .file("usr/share/doc/webd/copyright", DEP5 + "Expat\n"))
                .add(FixturePackage.of("libwebd1", "1.0-1").source("webd")
                        .file("usr/share/doc/libwebd1/copyright", DEP5 + "Expat\n"))
                .add(FixturePackage.of("tool", "2.0-1"))
                .build();
        spec = Files.writeString(tmp.resolve("web.remix.json"), """
                {
                  "specVersion": 1,
                  "name": "web",
                  "sources": [{"types": ["deb"], "uris": ["%s"], "suites": ["stable"], "components": ["main"],
                               "signedBy": "%s"}],
                  "suite": "stable",
                  "layers": [{"name": "server", "add": ["tool"]}]
                }
                """.formatted(repo.uri(), repo.keyringGpg()));
    }

    private static String[] run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "impact";
        all[1] = spec.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        all[all.length - 2] = "--cache-dir=" + tmp.resolve("cache");
        all[all.length - 1] = "--data-dir=" + tmp.resolve("data");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RemixCli.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void impact_listsWhatComesAndGoes_withSizes() {
        String[] r = run("--layer", "server", "--add", "webd", "--remove", "tool");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("+ webd").contains("layer server: requested")
                .contains("+ libwebd1").contains("dependency of webd")
                .contains("- tool").contains("2 added, 1 removed").contains("installed: ").contains("download:  ")
                .contains("license entering: MIT (permissive) with libwebd1, webd");
    }

    @Test
    void impact_asJson_byLayerNumber() throws Exception {
        String[] r = run("--layer", "1", "--add", "webd", "--format", "json");

        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode impact = new ObjectMapper().readTree(r[1]);
        assertThat(impact.get("licenses").get("entering").get(0).get("license").asText()).isEqualTo("MIT");
        impact = impact.get("impact");
        assertThat(impact.get("added")).extracting(n -> n.get("name").asText()).containsExactlyInAnyOrder("webd", "libwebd1");
        assertThat(impact.get("after").get("layers").get(1).get("name").asText()).isEqualTo("server");
        assertThat(impact.get("downloadDelta").asLong()).isPositive();
    }

    @Test
    void impact_onALayerThatDoesNotExist_saysWhichExist() {
        String[] r = run("--layer", "3", "--add", "webd");

        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("has 1 layers").contains("between 1 and 1");
    }
}
