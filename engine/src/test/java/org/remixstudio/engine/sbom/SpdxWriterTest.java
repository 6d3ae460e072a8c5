package org.remixstudio.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.testing.SbomSchemas;

class SpdxWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SpdxWriter writer = new SpdxWriter();

    @Test
    void write_isValidAgainstTheOfficialSpdx23Schema() {
        byte[] doc = writer.write(SbomFixtures.sbom());
        assertThat(SbomSchemas.spdx(doc)).isEmpty();
    }

    @Test
    void write_describesTheImage_whichContainsEveryPackage() throws IOException {
        JsonNode doc = JSON.readTree(writer.write(SbomFixtures.sbom()));
        assertThat(doc.get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
        assertThat(doc.get("creationInfo").get("created").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(relationships(doc, "DESCRIBES")).containsExactly("SPDXRef-DOCUMENT DESCRIBES SPDXRef-Image");
        assertThat(relationships(doc, "CONTAINS")).hasSize(6).allMatch(r -> r.startsWith("SPDXRef-Image CONTAINS "));
        JsonNode image = doc.get("packages").get(0);
        assertThat(image.get("primaryPackagePurpose").asText()).isEqualTo("CONTAINER");
        assertThat(image.get("externalRefs")).hasSize(2);
        assertThat(image.get("externalRefs").get(0).get("referenceLocator").asText())
                .isEqualTo("http://archive.invalid/debian/dists/bookworm/");
        assertThat(image.get("externalRefs").get(0).get("comment").asText()).contains("aa".repeat(32));
    }

    @Test
    void write_givesEachPackageItsFields() throws IOException {
        JsonNode libc = pkg(JSON.readTree(writer.write(SbomFixtures.sbom())), "libc6");
        assertThat(libc.get("SPDXID").asText()).isEqualTo("SPDXRef-deb-libc6-amd64");
        assertThat(libc.get("versionInfo").asText()).isEqualTo("2.36-9+deb12u9");
        assertThat(libc.get("supplier").asText())
                .isEqualTo("Organization: GNU Libc Maintainers (debian-glibc@lists.debian.org)");
        assertThat(libc.get("downloadLocation").asText())
                .isEqualTo("http://archive.invalid/debian/pool/main/g/glibc/libc6_2.36-9+deb12u9_amd64.deb");
        assertThat(libc.get("checksums").get(0).get("checksumValue").asText()).isEqualTo("1".repeat(64));
        assertThat(libc.get("licenseDeclared").asText()).isEqualTo("LGPL-2.1-or-later AND GPL-2.0-or-later");
        assertThat(libc.get("licenseConcluded").asText()).isEqualTo("NOASSERTION");
        assertThat(libc.get("sourceInfo").asText()).isEqualTo("built from Debian source package glibc 2.36-9+deb12u9");
        assertThat(libc.get("externalRefs").get(0).get("referenceLocator").asText())
                .isEqualTo("pkg:deb/debian/libc6@2.36-9%2Bdeb12u9?arch=amd64&distro=debian-12");
        JsonNode mawk = pkg(JSON.readTree(writer.write(SbomFixtures.sbom())), "mawk");
        assertThat(mawk.get("supplier").asText()).isEqualTo("Person: Boyuan Yang (byang@debian.org)");
        JsonNode unknown = pkg(JSON.readTree(writer.write(SbomFixtures.sbom())), "needs-awk");
        assertThat(unknown.get("licenseDeclared").asText()).isEqualTo("NOASSERTION");
        assertThat(pkg(JSON.readTree(writer.write(SbomFixtures.sbom())), "libgcc-s1").get("sourceInfo").asText())
                .endsWith("gcc-12 12.2.0-14");
    }

    @Test
    void write_identifiersOfNamesWithPlus_areValidAndDistinct() throws IOException {
        JsonNode stdcxx = pkg(JSON.readTree(writer.write(SbomFixtures.sbom())), "libstdc++6");
        assertThat(stdcxx.get("SPDXID").asText()).matches("SPDXRef-deb-libstdc--6-amd64-[0-9a-f]{8}");
    }

    @Test
    void write_dependsOnFollowsTheResolvedAlternatives() throws IOException {
        JsonNode doc = JSON.readTree(writer.write(SbomFixtures.sbom()));
        assertThat(relationships(doc, "DEPENDS_ON")).contains(
                "SPDXRef-deb-libc6-amd64 DEPENDS_ON SPDXRef-deb-libgcc-s1-amd64",
                "SPDXRef-deb-libgcc-s1-amd64 DEPENDS_ON SPDXRef-deb-libc6-amd64",
                "SPDXRef-deb-libgcc-s1-amd64 DEPENDS_ON SPDXRef-deb-gcc-12-base-amd64",
                "SPDXRef-deb-mawk-amd64 DEPENDS_ON SPDXRef-deb-libc6-amd64",
                // gawk is not installed: the provider of awk satisfies the group; missing-package is skipped
                "SPDXRef-deb-needs-awk-all DEPENDS_ON SPDXRef-deb-mawk-amd64",
                "SPDXRef-deb-needs-awk-all DEPENDS_ON SPDXRef-deb-libc6-amd64");
        assertThat(relationships(doc, "DEPENDS_ON")).hasSize(9);
    }

    @Test
    void write_licenseRefsAreDefinedAsExtractedLicensingInfos() throws IOException {
        JsonNode doc = JSON.readTree(writer.write(SbomFixtures.sbom()));
        assertThat(doc.get("hasExtractedLicensingInfos")).hasSize(1);
        assertThat(doc.get("hasExtractedLicensingInfos").get(0).get("licenseId").asText()).isEqualTo("LicenseRef-mawk-x");
    }

    @Test
    void write_isByteIdenticalForEqualContent_whateverTheInputOrder() {
        ImageSbom a = SbomFixtures.sbom();
        List<SbomPackage> shuffled = new ArrayList<>(a.packages());
        Collections.reverse(shuffled);
        ImageSbom b = new ImageSbom(a.name(), a.version(), a.architecture(), a.distro(), a.created(), a.toolVersion(),
                shuffled, reversed(a.releases()));
        assertThat(writer.write(b)).isEqualTo(writer.write(a));
        ImageSbom later = new ImageSbom(a.name(), a.version(), a.architecture(), a.distro(),
                Instant.parse("2025-01-02T00:00:00Z"), a.toolVersion(), a.packages(), a.releases());
        assertThat(writer.write(later)).isNotEqualTo(writer.write(a));
        assertThat(a.contentUuid()).isNotEqualTo(later.contentUuid());
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static JsonNode pkg(JsonNode doc, String name) {
        for (JsonNode p : doc.get("packages")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no package " + name);
    }

    private static List<String> relationships(JsonNode doc, String type) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : doc.get("relationships")) {
            if (r.get("relationshipType").asText().equals(type)) {
                out.add(r.get("spdxElementId").asText() + " " + type + " " + r.get("relatedSpdxElement").asText());
            }
        }
        return out;
    }
}
