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
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.api.RemixEngine;
import org.remixstudio.engine.api.SbomFormat;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;

/**
 * {@code remix licenses} end to end over a real signed fixture archive whose packages carry copyright
 * files: resolution per layer, fetching and verifying the {@code .deb}s, reading and storing licenses,
 * the policy and both output formats.
 */
class LicensesCommandTest {

    @TempDir
    static Path tmp;

    static FixtureRepository repo;
    static Path spec;

    private static final String DEP5 = "Format: https://example.org/copyright-format/1.0/\n\nFiles: *\nCopyright: x\nLicense: ";

    @BeforeAll
    static void buildArchive() throws Exception {
        repo = FixtureRepository.builder(tmp.resolve("repo"))
                .suite("stable").codename("fixture")
                .add(FixturePackage.of("base-files", "12.4").essential().priority("required")
                        .file("usr/share/doc/base-files/copyright", "This program is free software; you can redistribute"
                                + " it under the terms of the GNU General Public License as published by the Free Software"
                                + " Foundation; either version 2 of the License, or (at your option) any later version.\n"))
                .add(FixturePackage.of("libc6", "2.36-9").priority("required").source("glibc")
                        .file("usr/share/doc/libc6/copyright", DEP5 + "LGPL-2.1+\n"))
                .add(FixturePackage.of("webd", "1.0-1").depends("libwebd1")
                        .file("usr/share/doc/webd/copyright", DEP5 + "Expat\n"))
                .add(FixturePackage.of("libwebd1", "1.0-1").source("webd")
                        .file("usr/share/doc/libwebd1/copyright", DEP5 + "Expat\n"))
                .add(FixturePackage.of("agpl-app", "3.0-1").depends("libwebd1")
                        .file("usr/share/doc/agpl-app/copyright", DEP5 + "AGPL-3+\n"))
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
                  "layers": [{"name": "server", "add": ["webd"]}, {"name": "apps", "add": ["agpl-app"]}]
                }
                """.formatted(repo.uri(), repo.keyringGpg()));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run licenses(String... extra) {
        String[] args = new String[4 + extra.length + 4];
        args[0] = "licenses";
        args[1] = spec.toString();
        args[2] = "--cache-dir";
        args[3] = tmp.resolve("cache").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        args[4 + extra.length] = "--data-dir";
        args[5 + extra.length] = tmp.resolve("data").toString();
        args[6 + extra.length] = "--format";
        args[7 + extra.length] = "json";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RemixCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void licenses_reportsEveryPackageWithLayerCategoryAndHowFound() throws Exception {
        Run r = licenses();
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode pkgs = report.get("packages");
        assertThat(pkgs).hasSize(5);
        assertThat(pkgs.get(0).get("layer").asText()).isEqualTo("base");
        JsonNode webd = find(pkgs, "webd");
        assertThat(webd.get("layer").asText()).isEqualTo("server");
        assertThat(webd.get("spdx").asText()).isEqualTo("MIT");
        assertThat(webd.get("category").asText()).isEqualTo("permissive");
        assertThat(webd.get("howFound").asText()).isEqualTo("declared");
        JsonNode base = find(pkgs, "base-files");
        assertThat(base.get("spdx").asText()).isEqualTo("GPL-2.0-or-later");
        assertThat(base.get("howFound").asText()).isEqualTo("detected");
        assertThat(find(pkgs, "libc6").get("source").asText()).isEqualTo("glibc");
        assertThat(find(pkgs, "agpl-app").get("category").asText()).isEqualTo("network-copyleft");
        assertThat(report.get("findings")).isEmpty();
        assertThat(Files.exists(tmp.resolve("data").resolve("licenses.sqlite"))).isTrue();
    }

    @Test
    void aDenyingPolicy_namesPackageLayerAndChain_andExitsOne() throws Exception {
        Path policy = Files.writeString(tmp.resolve("policy.json"),
                "{\"deny\": [\"network-copyleft\"], \"warn\": [\"weak-copyleft\"]}");
        Run r = licenses("--policy", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("denies 1 license");
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
        assertThat(findings).hasSize(2);
        JsonNode deny = findings.get(0);
        assertThat(deny.get("action").asText()).isEqualTo("deny");
        assertThat(deny.get("pkg").asText()).isEqualTo("agpl-app");
        assertThat(deny.get("layer").asText()).isEqualTo("apps");
        assertThat(deny.get("license").asText()).isEqualTo("AGPL-3.0-or-later");
        assertThat(deny.get("rule").asText()).isEqualTo("network-copyleft");
        assertThat(deny.get("chain").get(0).asText()).isEqualTo("agpl-app (requested)");
        JsonNode warn = findings.get(1);
        assertThat(warn.get("pkg").asText()).isEqualTo("libc6");
        assertThat(warn.get("chain").get(0).asText()).startsWith("libc6 (base: ");
    }

    @Test
    void aBrokenPolicy_failsNamingFileAndPath() throws Exception {
        Path policy = Files.writeString(tmp.resolve("bad-policy.json"), "{\"deny\": [\"no-such-license\"]}");
        Run r = licenses("--policy", policy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad-policy.json: $.deny[0]: 'no-such-license' is neither a category");
    }

    @Test
    void textFormat_summarisesHowLicensesWereFound() {
        StringWriter out = new StringWriter();
        int code = RemixCli.execute(new String[] {"licenses", spec.toString(), "--cache-dir", tmp.resolve("cache").toString(),
            "--data-dir", tmp.resolve("data").toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("PACKAGE", "agpl-app", "AGPL-3.0-or-later",
                "5 packages: 4 declared, 1 detected, 0 unknown");
    }

    @Test
    void sboms_stateTheLicensesTheScanFound() throws Exception {
        assertThat(licenses().code()).isZero();
        EngineSettings settings = EngineSettings.defaults().withCacheDir(tmp.resolve("cache"))
                .withDataDir(tmp.resolve("data"));
        JsonNode spdx = new ObjectMapper().readTree(new RemixEngine(settings).sbom(spec, SbomFormat.SPDX, e -> { }));
        JsonNode pkgs = spdx.get("packages");
        JsonNode webd = find(pkgs, "webd");
        assertThat(webd.get("licenseDeclared").asText()).isEqualTo("MIT");
        assertThat(webd.get("licenseConcluded").asText()).isEqualTo("MIT");
        JsonNode base = find(pkgs, "base-files");
        assertThat(base.get("licenseDeclared").asText()).isEqualTo("NOASSERTION");
        assertThat(base.get("licenseConcluded").asText()).isEqualTo("GPL-2.0-or-later");
    }

    private static JsonNode find(JsonNode pkgs, String name) {
        for (JsonNode p : pkgs) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name + " not in " + pkgs);
    }
}
