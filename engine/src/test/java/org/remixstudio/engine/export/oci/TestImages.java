package org.remixstudio.engine.export.oci;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * A small two-layer image for the export tests: a base layer with a static busybox and some
 * files, and a second layer that deletes a file (explicit whiteout), empties a directory (opaque
 * whiteout) and adds files.
 */
final class TestImages {

    static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");
    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    static final Path BUSYBOX = Path.of("/bin/busybox");

    private TestImages() {
    }

    static LayerEntry dir(String path, int mode) {
        return LayerEntry.of(TreeEntry.directory(path, mode, LATER));
    }

    static LayerEntry text(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new LayerEntry(TreeEntry.file(path, 0644, bytes.length, LATER), ContentSource.of(bytes));
    }

    static List<LayerEntry> baseLayer() throws java.io.IOException {
        List<LayerEntry> entries = new ArrayList<>();
        entries.add(dir("bin", 0755));
        entries.add(new LayerEntry(TreeEntry.file("bin/busybox", 0755, java.nio.file.Files.size(BUSYBOX), LATER),
                ContentSource.of(BUSYBOX)));
        for (String applet : List.of("sh", "cat", "ls", "echo", "test", "id", "stat")) {
            entries.add(LayerEntry.of(TreeEntry.symlink("bin/" + applet, "busybox", LATER)));
        }
        entries.add(dir("etc", 0755));
        entries.add(text("etc/hello", "hello from remix\n"));
        entries.add(text("etc/gone", "deleted by the upper layer\n"));
        entries.add(dir("tmp", 01777));
        entries.add(dir("var", 0755));
        entries.add(dir("var/cache", 0755));
        entries.add(text("var/cache/old", "hidden by the opaque whiteout\n"));
        entries.add(LayerEntry.of(TreeEntry.special("dev-null-node", EntryType.CHAR_DEVICE, 0666, 1, 3, LATER)));
        entries.add(new LayerEntry(TreeEntry.file("srv/owned", 0640, 6, LATER)
                .withOwner(1234, 5678, "alice", "staff"), ContentSource.of("owned\n".getBytes(StandardCharsets.UTF_8))));
        entries.add(dir("srv", 0755));
        return entries;
    }

    static List<LayerEntry> upperLayer() {
        return List.of(
                dir("etc", 0755),
                LayerEntry.whiteout("etc/gone", LATER),
                text("etc/motd", "second layer\n"),
                dir("var", 0755),
                dir("var/cache", 0755),
                LayerEntry.opaqueWhiteout("var/cache", LATER),
                text("var/cache/new", "fresh\n"));
    }

    static ImageSpec spec(ImageReference ref, LayerBlob base, LayerBlob upper) {
        RuntimeConfig runtime = new RuntimeConfig("0:0", List.of("PATH=/bin", "GREETING=hi"), List.of("/bin/sh", "-c"),
                List.of("cat /etc/hello"), "/etc", new TreeSet<>(List.of("8080/tcp")),
                Map.of("org.remixstudio.test", "yes"), "SIGTERM");
        return new ImageSpec(ref, "amd64", "linux", runtime,
                List.of(new ImageLayer(base, "remix: base (busybox-static)", "base layer"),
                        new ImageLayer(upper, "remix: changes", "")),
                CREATED, Map.of("org.opencontainers.image.title", "remix export test"));
    }

    /** Writes both layers and the archive under {@code dir}. */
    static Path buildArchive(Path dir, ImageReference ref) throws java.io.IOException {
        LayerTarWriter writer = new LayerTarWriter(CREATED, LayerTarWriter.Compression.GZIP);
        LayerBlob base = writer.write(baseLayer(), dir.resolve("base.tar.gz"));
        LayerBlob upper = writer.write(upperLayer(), dir.resolve("upper.tar.gz"));
        Path archive = dir.resolve("image.tar");
        new OciArchiveWriter().write(spec(ref, base, upper), archive);
        return archive;
    }
}
