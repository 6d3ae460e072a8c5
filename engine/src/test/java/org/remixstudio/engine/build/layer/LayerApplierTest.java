package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

class LayerApplierTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path outside;
    private final LayerApplier applier = new LayerApplier();

    @BeforeEach
    void lowerLayer() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Trees.file(outside, "victim", "must survive\n");
        Trees.file(root, "etc/keep", "kept\n");
        Trees.file(root, "etc/gone", "deleted\n");
        Trees.file(root, "var/cache/a", "a\n");
        Trees.file(root, "var/cache/sub/b", "b\n");
        Trees.file(root, "opt/dir/inside", "x\n");
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("up"), Path.of("../outside"));
    }

    private boolean exists(String path) {
        return Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    private void assertOutsideUntouched() throws Exception {
        try (var files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("victim");
        }
        assertThat(Files.readString(outside.resolve("victim"))).isEqualTo("must survive\n");
    }

    @Test
    void whiteouts_deleteFromTheLowerLayers_andAreNeverCreated() throws Exception {
        Path layer = new RawTar().dir("etc/").file("etc/.wh.gone", "").file("etc/new", "new\n")
                .dir("var/").file("var/.wh.cache", "").file(".wh.nothing-there", "")
                .write(tmp.resolve("l.tar"));

        ApplyReport report = applier.apply(layer, root);

        assertThat(exists("etc/gone")).isFalse();
        assertThat(exists("etc/.wh.gone")).isFalse();
        assertThat(exists("etc/keep")).isTrue();
        assertThat(exists("etc/new")).isTrue();
        assertThat(exists("var/cache")).isFalse();
        assertThat(exists("var")).isTrue();
        assertThat(report.whiteouts()).isEqualTo(3);
        assertThat(report.entries()).isEqualTo(6);
    }

    @Test
    void opaqueWhiteout_hidesEveryLowerChild_butNotWhatTheLayerItselfPlaces_inAnyOrder() throws Exception {
        Path layer = new RawTar().dir("var/cache/").file("var/cache/fresh", "fresh\n").dir("var/cache/sub/")
                .file("var/cache/sub/new", "n\n").file("var/cache/.wh..wh..opq", "")
                .write(tmp.resolve("l.tar"));

        ApplyReport report = applier.apply(layer, root);

        assertThat(exists("var/cache/fresh")).isTrue();
        assertThat(exists("var/cache/sub/new")).isTrue();
        assertThat(exists("var/cache/a")).isFalse();
        assertThat(exists("var/cache/sub/b")).as("lower contents of a directory the layer re-created").isFalse();
        assertThat(exists("var/cache/.wh..wh..opq")).isFalse();
        assertThat(report.opaqueWhiteouts()).isEqualTo(1);
    }

    @Test
    void aWhiteoutAfterTheLayersOwnEntry_leavesThatEntry() throws Exception {
        Path layer = new RawTar().file("etc/gone", "recreated\n").file("etc/.wh.gone", "").write(tmp.resolve("l.tar"));

        applier.apply(layer, root);

        assertThat(Files.readString(root.resolve("etc/gone"))).isEqualTo("recreated\n");
    }

    @Test
    void anEntryOverADirectory_replacesTheWholeDirectory() throws Exception {
        Path layer = new RawTar().file("opt/dir", "now a file\n").write(tmp.resolve("l.tar"));

        applier.apply(layer, root);

        assertThat(Files.readString(root.resolve("opt/dir"))).isEqualTo("now a file\n");
    }

    @Test
    void hardLinksToLowerFiles_andSpecialFiles_areCreated() throws Exception {
        Path layer = new RawTar().hardlink("etc/keep.link", "etc/keep").fifo("run/initctl").write(tmp.resolve("l.tar"));

        ApplyReport report = applier.apply(layer, root);

        assertThat(Files.getAttribute(root.resolve("etc/keep.link"), "unix:ino"))
                .isEqualTo(Files.getAttribute(root.resolve("etc/keep"), "unix:ino"));
        assertThat((Integer) Files.getAttribute(root.resolve("run/initctl"), "unix:mode", LinkOption.NOFOLLOW_LINKS)
                & 0170777).isEqualTo(0010600);
        assertThat(report.specialFiles()).isEqualTo(1);
    }

    @Test
    void devicesOwnersAndModes_matchTheLayer() throws Exception {
        java.time.Instant t = java.time.Instant.parse("2021-01-01T00:00:00Z");
        List<LayerEntry> entries = List.of(
                LayerEntry.of(TreeEntry.directory("dev", 0755, t)),
                LayerEntry.of(TreeEntry.special("dev/null", EntryType.CHAR_DEVICE, 0666, 1, 3, t)),
                LayerEntry.of(TreeEntry.special("dev/loop0", EntryType.BLOCK_DEVICE, 0660, 7, 0, t).withOwner(0, 6, "", "")),
                new LayerEntry(TreeEntry.file("usr/bin/sudo", 04755, 2, t).withOwner(0, 0, "", ""),
                        org.remixstudio.engine.export.oci.ContentSource.of("#!".getBytes())),
                LayerEntry.of(TreeEntry.directory("home", 0755, t)),
                LayerEntry.of(TreeEntry.directory("home/alice", 0700, t).withOwner(1000, 1000, "", "")));
        LayerBlob blob = new LayerTarWriter(null, LayerTarWriter.Compression.GZIP).write(entries, tmp.resolve("l.tar.gz"));
        Path fresh = Files.createDirectories(tmp.resolve("fresh"));

        applier.apply(blob.file(), fresh);

        TreeManifest m = new TreeScanner().scan(fresh).manifest();
        ManifestEntry nul = m.get("dev/null").orElseThrow();
        assertThat(nul.type()).isEqualTo(EntryType.CHAR_DEVICE);
        assertThat(List.of(nul.devMajor(), nul.devMinor(), nul.mode())).containsExactly(1, 3, 0666);
        assertThat(nul.mtime()).isEqualTo(t);
        ManifestEntry loop = m.get("dev/loop0").orElseThrow();
        assertThat(List.of(loop.type(), loop.gid(), (long) loop.mode())).containsExactly(EntryType.BLOCK_DEVICE, 6L, 0660L);
        assertThat(m.get("usr/bin/sudo").orElseThrow().mode()).isEqualTo(04755);
        ManifestEntry home = m.get("home/alice").orElseThrow();
        assertThat(List.of(home.uid(), home.gid(), (long) home.mode())).containsExactly(1000L, 1000L, 0700L);
        assertThat(home.mtime()).isEqualTo(t);
    }

    @Test
    void gzipZstdAndPlainLayers_areRecognized_andTheDiffIdIsTheUncompressedTarsDigest() throws Exception {
        RawTar tar = new RawTar().file("etc/z", "z\n");
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tar.tar()));

        for (Path layer : List.of(tar.write(tmp.resolve("l.tar")), tar.writeGzip(tmp.resolve("l.tar.gz")),
                tar.writeZstd(tmp.resolve("l.tar.zst")))) {
            ApplyReport report = applier.apply(layer, root);
            assertThat(report.diffId()).hasToString(expected);
            assertThat(Files.readString(root.resolve("etc/z"))).isEqualTo("z\n");
        }
    }

    @Test
    void aNameClimbingOut_isRefused() throws Exception {
        Path layer = new RawTar().file("../outside/evil", "x").write(tmp.resolve("l.tar"));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("../outside/evil").hasMessageContaining("climbs out");
        assertOutsideUntouched();
    }

    @Test
    void writingThroughASymbolicLinkOfTheLayer_isRefused() throws Exception {
        Path layer = new RawTar().symlink("link", tmp.resolve("outside").toString()).file("link/evil", "x")
                .write(tmp.resolve("l.tar"));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("link/evil").hasMessageContaining("symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void writingThroughASymbolicLinkOfALowerLayer_isRefused() throws Exception {
        Path layer = new RawTar().file("up/evil", "x").write(tmp.resolve("l.tar"));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void aDirectoryTheLayerTurnsIntoASymbolicLink_isNotWrittenThroughAfterwards() throws Exception {
        Path layer = new RawTar().file("d/x", "1").symlink("d", outside.toString()).file("d/evil", "x")
                .write(tmp.resolve("l.tar"));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("d/evil").hasMessageContaining("symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void whiteoutsThroughASymbolicLink_areRefused() throws Exception {
        Path explicit = new RawTar().file("escape/.wh.victim", "").write(tmp.resolve("l1.tar"));
        Path opaque = new RawTar().file("up/.wh..wh..opq", "").write(tmp.resolve("l2.tar"));

        assertThatThrownBy(() -> applier.apply(explicit, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("escape").hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> applier.apply(opaque, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void whiteoutsNamingNoSibling_areRefused_andDeleteNothing() throws Exception {
        for (String marker : List.of("etc/.wh..", "etc/.wh.", ".wh..")) {
            Path layer = new RawTar().file(marker, "").write(tmp.resolve("l.tar"));

            assertThatThrownBy(() -> applier.apply(layer, root)).as(marker).isInstanceOf(EngineException.class)
                    .hasMessageContaining("names no file to delete");
            assertThat(exists("etc/keep")).isTrue();
        }
        assertOutsideUntouched();
    }

    @Test
    void entriesBelowAWhiteoutName_areRefused() throws Exception {
        Path layer = new RawTar().file("etc/.wh.gone/inside", "x").write(tmp.resolve("l.tar"));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("below the whiteout name");
        assertThat(exists("etc/.wh.gone")).isFalse();
    }

    @Test
    void aufsBookkeepingEntries_areSkipped() throws Exception {
        Path layer = new RawTar().file(".wh..wh.plnk", "").file("etc/.wh..wh.aufs", "").write(tmp.resolve("l.tar"));

        ApplyReport report = applier.apply(layer, root);

        assertThat(report.whiteouts()).isZero();
        assertThat(exists(".wh..wh.plnk")).isFalse();
        assertThat(exists("etc/keep")).isTrue();
    }

    @Test
    void aWhiteoutOfASymbolicLink_removesTheLinkNotItsTarget() throws Exception {
        Path layer = new RawTar().file(".wh.escape", "").write(tmp.resolve("l.tar"));

        applier.apply(layer, root);

        assertThat(exists("escape")).isFalse();
        assertOutsideUntouched();
    }

    @Test
    void aFileOverASymbolicLink_replacesTheLink() throws Exception {
        Path layer = new RawTar().file("escape", "a plain file now\n").write(tmp.resolve("l.tar"));

        applier.apply(layer, root);

        assertThat(Files.isSymbolicLink(root.resolve("escape"))).isFalse();
        assertOutsideUntouched();
    }

    @Test
    void aHardLinkOutOfTheTree_isRefused() throws Exception {
        Path layer = new RawTar().hardlink("etc/passwd", "../outside/victim").write(tmp.resolve("l.tar"));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("outside the tree");
        assertOutsideUntouched();
    }

    @Test
    void aHardLinkThroughASymbolicLink_isRefused() throws Exception {
        Path layer = new RawTar().hardlink("etc/stolen", "escape/victim").write(tmp.resolve("l.tar"));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("symbolic link");
        assertOutsideUntouched();
    }

    @Test
    void aCorruptLayer_isReportedWithItsName() throws Exception {
        Path layer = new RawTar().file("etc/a", "a".repeat(5000)).writeGzip(tmp.resolve("l.tar.gz"));
        byte[] bytes = Files.readAllBytes(layer);
        Files.write(layer, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> applier.apply(layer, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining(layer.toString());
    }
}
