package org.remixstudio.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.FixturePackage;
import org.remixstudio.engine.testing.FixtureRepository;
import org.remixstudio.engine.testing.SbomSchemas;

/**
 * {@code remix sbom} and {@code remix source-bundle} end to end through the API against a signed
 * fixture archive that publishes binaries and sources.
 */
class SbomCommandTest {

    @TempDir
    Path tmp;

    private FixtureRepository repo;
    private Path spec;

    @BeforeEach
    void archiveAndSpec() throws Exception {
        repo = FixtureRepository.builder(tmp.resolve("repo")).sources(true)
                .add(FixturePackage.of("hello", "1.0-1").depends("libhello1 (= 1.0-1)")
                        .field("Maintainer", "Hello Team <hello@lists.fixture.invalid>"))
                .add(FixturePackage.of("libhello1", "1.0-1").source("hello"))
                .build();
        spec = tmp.resolve("hello.remix.json");
        Files.writeString(spec, """
                {
                  "specVersion": 1,
                  "name": "hello",
                  "sources": [
                    {"types": ["deb"], "uris": ["%s"], "suites": ["stable"], "components": ["main"],
                     "signedBy": "%s"}
                  ],
                  "suite": "stable",
                  "architecture": "amd64",
                  "variant": "none",
                  "timestamp": 1735689600,
                  "layers": [{"name": "apps", "add": ["hello"]}]
                }
                """.formatted(repo.uri(), repo.keyringGpg()));
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--cache-dir";
        all[args.length + 1] = tmp.resolve("cache").toString();
        int code = RemixCli.execute(all, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void sbom_spdxToStandardOutput_isSchemaValid_andReproducible() {
        String[] r = run("sbom", spec.toString(), "--format", "spdx");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        byte[] doc = r[1].getBytes(StandardCharsets.UTF_8);
        assertThat(SbomSchemas.spdx(doc)).isEmpty();
        assertThat(r[1]).contains("\"name\": \"hello\"", "pkg:deb/debian/libhello1@1.0-1?arch=amd64&distro=debian-fixture",
                "Organization: Hello Team (hello@lists.fixture.invalid)", "\"created\": \"2025-01-01T00:00:00Z\"",
                "\"relationshipType\": \"DEPENDS_ON\"");
        assertThat(run("sbom", spec.toString(), "--format", "spdx")[1]).isEqualTo(r[1]);
    }

    @Test
    void sbom_cycloneDxToAFile_isSchemaValid() throws Exception {
        Path out = tmp.resolve("out/hello.cdx.json");
        String[] r = run("sbom", spec.toString(), "--format", "cyclonedx", "-o", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).isEmpty();
        assertThat(SbomSchemas.cycloneDx(Files.readAllBytes(out))).isEmpty();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(out)).contains("\"bomFormat\": \"CycloneDX\"", "remix-studio:debian:source");
    }

    @Test
    void sbom_unknownFormat_isAUsageError() {
        assertThat(run("sbom", spec.toString(), "--format", "swid")[0]).isEqualTo("2");
    }

    @Test
    void sourceBundle_writesTheVerifiedSourcesAndTheIndex() {
        Path dir = tmp.resolve("bundle");
        String[] r = run("source-bundle", spec.toString(), "-o", dir.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("2 binary packages from 1 source packages: 2 files fetched")
                .contains("wrote " + dir.resolve("source-bundle.json"));
        assertThat(dir.resolve("pool/main/h/hello/hello_1.0-1.dsc")).isRegularFile();

        String[] again = run("source-bundle", spec.toString(), "-o", dir.toString());
        assertThat(again[1]).contains("0 files fetched").contains("2 already there");
    }
}
