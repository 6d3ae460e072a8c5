package org.remixstudio.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.testing.SbomSchemas;

class CycloneDxWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CycloneDxWriter writer = new CycloneDxWriter();

    @Test
    void write_isValidAgainstTheOfficialCycloneDx16Schema() {
        assertThat(SbomSchemas.cycloneDx(writer.write(SbomFixtures.sbom()))).isEmpty();
    }

    @Test
    void schema_refusesAnInvalidBom_soTheValidationIsReal() {
        assertThat(SbomSchemas.cycloneDx("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":\"x\"}"
                .getBytes())).isNotEmpty();
        assertThat(SbomSchemas.spdx("{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[{\"SPDXID\":\"bad id\"}]}"
                .getBytes())).isNotEmpty();
    }

    @Test
    void write_theImageIsTheMetadataComponent_withTheSignedReleasesAsReferences() throws IOException {
        JsonNode bom = JSON.readTree(writer.write(SbomFixtures.sbom()));
        assertThat(bom.get("serialNumber").asText()).isEqualTo("urn:uuid:" + SbomFixtures.sbom().contentUuid());
        JsonNode image = bom.get("metadata").get("component");
        assertThat(image.get("type").asText()).isEqualTo("container");
        assertThat(image.get("name").asText()).isEqualTo("demo");
        JsonNode release = image.get("externalReferences").get(1);
        assertThat(release.get("url").asText()).isEqualTo("http://archive2.invalid/debian-extra/dists/bookworm-security/");
        assertThat(release.get("hashes").get(0).get("content").asText()).isEqualTo("bb".repeat(32));
    }

    @Test
    void write_givesEachComponentItsFields() throws IOException {
        JsonNode bom = JSON.readTree(writer.write(SbomFixtures.sbom()));
        JsonNode gcc = component(bom, "libgcc-s1");
        assertThat(gcc.get("bom-ref").asText()).isEqualTo("pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12");
        assertThat(gcc.get("supplier").get("name").asText()).isEqualTo("Debian GCC Maintainers");
        assertThat(gcc.get("supplier").get("contact").get(0).get("email").asText()).isEqualTo("debian-gcc@lists.debian.org");
        assertThat(gcc.get("hashes").get(0).get("content").asText()).isEqualTo("2".repeat(64));
        assertThat(gcc.get("licenses").get(0).get("expression").asText()).isEqualTo("GPL-3.0-or-later WITH GCC-exception-3.1");
        assertThat(gcc.get("licenses").get(0).get("acknowledgement").asText()).isEqualTo("declared");
        assertThat(properties(gcc)).contains("remix-studio:debian:source=gcc-12",
                "remix-studio:debian:source-version=12.2.0-14", "remix-studio:debian:architecture=amd64");
        assertThat(component(bom, "needs-awk").get("supplier").get("name").asText()).isEqualTo("Nobody");
        assertThat(component(bom, "needs-awk").get("supplier").has("contact")).isFalse();
        JsonNode mawk = component(bom, "mawk");
        assertThat(properties(mawk)).contains("remix-studio:license:concluded=GPL-2.0-only");
        assertThat(component(bom, "needs-awk").has("licenses")).isFalse();
        assertThat(component(bom, "needs-awk").get("purl").asText())
                .isEqualTo("pkg:deb/debian/needs-awk@1:2.0~rc1-1?arch=all&distro=debian-12");
    }

    @Test
    void write_dependenciesListTheImageAndEveryPackage() throws IOException {
        JsonNode bom = JSON.readTree(writer.write(SbomFixtures.sbom()));
        JsonNode deps = bom.get("dependencies");
        assertThat(deps).hasSize(7);
        assertThat(deps.get(0).get("ref").asText()).isEqualTo(CycloneDxWriter.IMAGE_REF);
        assertThat(deps.get(0).get("dependsOn")).hasSize(6);
        List<String> libstdcxx = new ArrayList<>();
        for (JsonNode d : deps) {
            if (d.get("ref").asText().startsWith("pkg:deb/debian/libstdc%2B%2B6@")) {
                d.get("dependsOn").forEach(x -> libstdcxx.add(x.asText()));
            }
        }
        assertThat(libstdcxx).containsExactly(
                "pkg:deb/debian/gcc-12-base@12.2.0-14?arch=amd64&distro=debian-12",
                "pkg:deb/debian/libc6@2.36-9%2Bdeb12u9?arch=amd64&distro=debian-12",
                "pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12");
    }

    @Test
    void write_isByteIdenticalForEqualContent() {
        assertThat(writer.write(SbomFixtures.sbom())).isEqualTo(writer.write(SbomFixtures.sbom()));
    }

    private static JsonNode component(JsonNode bom, String name) {
        for (JsonNode c : bom.get("components")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name);
    }

    private static List<String> properties(JsonNode component) {
        List<String> out = new ArrayList<>();
        component.get("properties").forEach(p -> out.add(p.get("name").asText() + "=" + p.get("value").asText()));
        return out;
    }
}
