package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.testing.SbomSchemas;

/**
 * SBOMs and the source bundle against the real archive: the SBOMs of a real minbase resolution are
 * valid against the official schemas and reproducible; the source bundle of a small spec (packages
 * without dependencies and with small sources, about 2 MB in all: a native source, a source with two
 * upstream tarballs, a source with an epoch) is fetched and verified, and a second run keeps every file.
 */
@Tag("archive")
class RemixEngineSbomArchiveTest {

    private static final Path CACHE = Path.of("/tmp/remix-test-archive/repo-cache");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final RemixEngine engine = new RemixEngine(EngineSettings.defaults().withCacheDir(CACHE));

    private Path stampedMinimal() throws Exception {
        Path example = Path.of(System.getProperty("user.dir")).resolve("../docs/examples/minimal-bookworm.remix.json")
                .normalize();
        Path spec = tmp.resolve("minimal-bookworm.remix.json");
        Files.writeString(spec, Files.readString(example)
                .replace("\"variant\": \"minbase\",", "\"variant\": \"minbase\",\n  \"timestamp\": 1735689600,"));
        return spec;
    }

    @Test
    void sbom_ofARealMinbaseResolution_isSchemaValid_andReproducible() throws Exception {
        Path spec = stampedMinimal();
        byte[] spdx = engine.sbom(spec, SbomFormat.SPDX, e -> { });
        byte[] cdx = engine.sbom(spec, SbomFormat.CYCLONEDX, e -> { });

        assertThat(SbomSchemas.spdx(spdx)).isEmpty();
        assertThat(SbomSchemas.cycloneDx(cdx)).isEmpty();
        assertThat(engine.sbom(spec, SbomFormat.SPDX, e -> { })).isEqualTo(spdx);

        JsonNode doc = JSON.readTree(spdx);
        JsonNode packages = doc.get("packages");
        assertThat(packages.size()).isGreaterThan(80);
        Set<String> names = new HashSet<>();
        packages.forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).contains("minimal-bookworm", "libc6", "dpkg", "ca-certificates", "openssl");
        JsonNode libc = null;
        for (JsonNode p : packages) {
            if (p.get("name").asText().equals("libc6")) {
                libc = p;
            }
        }
        assertThat(libc.get("externalRefs").get(0).get("referenceLocator").asText())
                .startsWith("pkg:deb/debian/libc6@").endsWith("?arch=amd64&distro=debian-12");
        assertThat(libc.get("supplier").asText()).contains("debian-glibc@lists.debian.org");
        assertThat(libc.get("checksums").get(0).get("checksumValue").asText()).hasSize(64);
        assertThat(doc.get("packages").get(0).get("externalRefs").size()).isGreaterThanOrEqualTo(3); // the suites
        long dependsOn = 0;
        for (JsonNode r : doc.get("relationships")) {
            if (r.get("relationshipType").asText().equals("DEPENDS_ON")) {
                dependsOn++;
            }
        }
        assertThat(dependsOn).isGreaterThan(100);
        assertThat(JSON.readTree(cdx).get("components").size()).isEqualTo(packages.size() - 1);
    }

    @Test
    void sourceBundle_ofASmallRealSpec_fetchesVerifiedSources_andResumes() throws Exception {
        Path spec = tmp.resolve("tiny.remix.json");
        Files.writeString(spec, """
                {
                  "specVersion": 1,
                  "name": "tiny",
                  "sources": "system",
                  "suite": "bookworm",
                  "architecture": "amd64",
                  "variant": "none",
                  "layers": [
                    {"name": "data", "add": ["debian-archive-keyring", "dns-root-data", "libjs-jquery", "libaudit-common"]}
                  ]
                }
                """);
        Path out = tmp.resolve("bundle");
        SourceBundleResult first = engine.sourceBundle(spec, out, false, e -> { });

        assertThat(first.binaries()).isEqualTo(4);
        assertThat(first.sources()).isEqualTo(4);
        assertThat(first.filesFetched()).isGreaterThanOrEqualTo(9); // 4 .dsc, 2 native, 3 + 2 for jquery and audit
        assertThat(first.bytesFetched()).isLessThan(5_000_000);
        assertThat(first.missing()).isEmpty();
        JsonNode index = JSON.readTree(first.index().toFile());
        JsonNode audit = null;
        for (JsonNode b : index.get("binaries")) {
            if (b.get("name").asText().equals("libaudit-common")) {
                audit = b.get("source");
            }
        }
        assertThat(audit.get("name").asText()).isEqualTo("audit");
        assertThat(audit.get("version").asText()).startsWith("1:");
        for (JsonNode source : index.get("sources")) {
            assertThat(out.resolve(source.get("dsc").asText())).isRegularFile();
            for (JsonNode f : source.get("files")) {
                assertThat(out.resolve(f.get("path").asText())).hasSize(f.get("size").asLong());
            }
        }
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(p -> p.toString().endsWith(".dsc")).count()).isEqualTo(4);
        }

        SourceBundleResult again = engine.sourceBundle(spec, out, false, e -> { });
        assertThat(again.filesFetched()).isZero();
        assertThat(again.filesKept()).isEqualTo(first.filesFetched());
        assertThat(List.of(again.sources(), again.binaries())).containsExactly(4, 4);
    }
}
