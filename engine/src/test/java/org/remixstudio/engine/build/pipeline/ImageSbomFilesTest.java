package org.remixstudio.engine.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.build.layer.ManifestEntry;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.build.layer.TreeScanner;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.PackagesIndexParser;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.sbom.ImageSbom;
import org.remixstudio.engine.sbom.ImageSbomAssembler;
import org.remixstudio.engine.sbom.SbomLicense;
import org.remixstudio.engine.sbom.SbomRelease;
import org.remixstudio.engine.tree.EntryType;

class ImageSbomFilesTest {

    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private static ImageSbomFiles files() throws Exception {
        List<BinaryPackage> packages = new PackagesIndexParser("Packages", new IndexOrigin("http://archive.invalid/debian/",
                "bookworm", "bookworm", "main", "")).parse(new StringReader("""
                Package: hello
                Version: 1.0-1
                Architecture: amd64
                Maintainer: A Person <a@example.invalid>
                Filename: pool/main/h/hello/hello_1.0-1_amd64.deb
                SHA256: 1111111111111111111111111111111111111111111111111111111111111111
                Description: hello
                """));
        ImageSbom sbom = new ImageSbomAssembler("debian-12", "test", p -> SbomLicense.unknown())
                .assemble("demo", "latest", "amd64", T, packages,
                        List.of(new SbomRelease("http://archive.invalid/debian/", "bookworm", "aa".repeat(32))));
        return new ImageSbomFiles(sbom, "demo");
    }

    @Test
    void annotations_givePathAndDigestOfEachDocument() throws Exception {
        ImageSbomFiles f = files();
        Map<String, String> a = f.annotations();
        assertThat(a).containsEntry("org.remixstudio.sbom.spdx.path", "/usr/share/remix-studio/sbom/demo.spdx.json")
                .containsEntry("org.remixstudio.sbom.cyclonedx.path", "/usr/share/remix-studio/sbom/demo.cdx.json")
                .containsEntry("org.remixstudio.sbom.spdx.digest", Digest.of(f.spdx()).toString())
                .containsEntry("org.remixstudio.sbom.cyclonedx.digest", Digest.of(f.cycloneDx()).toString());
    }

    @Test
    void layerEntries_keepExistingParentDirectoriesAsTheyAre_andAddTheNewOnes() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("usr/share"));
        Files.setPosixFilePermissions(tree.resolve("usr/share"), PosixFilePermissions.fromString("rwxrwxr-x"));
        TreeManifest below = new TreeScanner().scan(tree).manifest();
        ManifestEntry share = below.get("usr/share").orElseThrow();

        List<LayerEntry> entries = files().layerEntries(below, T);

        assertThat(entries).extracting(e -> e.entry().path()).containsExactly("usr", "usr/share",
                "usr/share/remix-studio", "usr/share/remix-studio/sbom",
                "usr/share/remix-studio/sbom/demo.spdx.json", "usr/share/remix-studio/sbom/demo.cdx.json");
        assertThat(entries.get(1).entry().mode()).isEqualTo(0775);
        assertThat(entries.get(1).entry().mtime()).isEqualTo(share.mtime());
        assertThat(entries.get(2).entry().type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(entries.get(2).entry().mode()).isEqualTo(0755);
        assertThat(entries.get(4).entry().mode()).isEqualTo(0644);
        assertThat(entries.get(4).content().open().readAllBytes()).isEqualTo(files().spdx());
    }

    @Test
    void writeInto_andWriteBeside_writeTheSameBytes() throws Exception {
        ImageSbomFiles f = files();
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        f.writeInto(tree, T);
        assertThat(tree.resolve("usr/share/remix-studio/sbom/demo.spdx.json")).hasBinaryContent(f.spdx());
        assertThat(Files.getLastModifiedTime(tree.resolve("usr/share/remix-studio/sbom/demo.cdx.json")).toInstant())
                .isEqualTo(T);
        List<Path> beside = f.writeBeside(tmp.resolve("image.tar"));
        assertThat(beside).containsExactly(tmp.resolve("image.tar.spdx.json"), tmp.resolve("image.tar.cdx.json"));
        assertThat(beside.get(1)).hasBinaryContent(f.cycloneDx());
    }
}
