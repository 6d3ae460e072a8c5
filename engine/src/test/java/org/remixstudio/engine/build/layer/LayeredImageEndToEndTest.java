package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.cli.RemixCli;
import org.remixstudio.engine.deb.DebArchive;
import org.remixstudio.engine.deb.ExtractOptions;
import org.remixstudio.engine.deb.TreeExtractor;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.ImageReference;
import org.remixstudio.engine.export.oci.ImageSpec;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.export.oci.OciArchiveWriter;
import org.remixstudio.engine.export.oci.RuntimeConfig;

/**
 * The whole layer pipeline on real trees: busybox-static's .deb unpacked into a root filesystem
 * (layer 1), a step that deletes a file, replaces a directory by a file, adds a package's files and
 * a hard-linked pair (layer 2), and a step that removes that package again (layer 3). Each layer is
 * the diff of two scans, cached, written into one image archive, and checked with the real tools:
 * skopeo reads it, umoci unpacks it without the deleted files, podman runs it, and
 * {@code remix inspect} shows the whiteouts and the packages of each layer. Finally the top layer is
 * rebuilt on a tree re-created from the cached layers below and comes out byte-identical, and the
 * squashed form of the image (one layer) gives the same tree.
 */
class LayeredImageEndToEndTest {

    private static final Instant EPOCH = Instant.parse("2024-06-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final TreeScanner scanner = new TreeScanner();
    private final LayerTarWriter writer = new LayerTarWriter(EPOCH, LayerTarWriter.Compression.GZIP);

    private static String status(String... packages) {
        StringBuilder b = new StringBuilder();
        for (String p : packages) {
            String[] nv = p.split("=");
            b.append("Package: ").append(nv[0]).append("\nStatus: install ok installed\nPriority: optional\n")
                    .append("Architecture: amd64\nVersion: ").append(nv[1]).append("\nDescription: ").append(nv[0])
                    .append("\n\n");
        }
        return b.toString();
    }

    private CachedLayer build(LayerCache cache, CachedLayer parent, TreeManifest before, TreeManifest after, Path tree,
                              String createdBy, String inputs) {
        LayerChanges changes = LayerDiff.compute(before, after, tree);
        LayerBlob blob = writer.write(changes.entries(), cache.newBlobFile());
        LayerKey key = LayerKey.of(parent == null ? null : parent.chainId(), inputs);
        return cache.store(key, parent, new ImageLayer(blob, createdBy, ""), after, inputs);
    }

    private static void removeLayerThree(Path tree, String busyboxVersion) throws Exception {
        Files.delete(tree.resolve("etc/motd"));
        Files.writeString(tree.resolve("var/lib/dpkg/status"), status("busybox-static=" + busyboxVersion));
    }

    @Test
    void threeLayers_fromRealTrees_areReadByTheContainerTools_andInspectShowsWhatEachChanged() throws Exception {
        Path deb = BusyboxDeb.locate(tmp);
        String version = BusyboxDeb.version(deb);
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        new TreeExtractor(tree, ExtractOptions.defaults()).extractAll(DebArchive.open(deb));
        for (String applet : List.of("sh", "cat", "test", "stat", "echo")) {
            Files.createSymbolicLink(tree.resolve("bin/" + applet), Path.of("busybox"));
        }
        Trees.file(tree, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
        Trees.file(tree, "etc/group", "root:x:0:\n");
        Trees.file(tree, "etc/gone", "deleted by layer 2\n");
        Trees.file(tree, "var/cache/olddir/data", "a directory layer 2 turns into a file\n");
        Trees.file(tree, "var/lib/dpkg/status", status("busybox-static=" + version));
        Files.createDirectories(tree.resolve("tmp"));

        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        TreeManifest m0 = scanner.scan(tree).manifest();
        CachedLayer base = build(cache, null, TreeManifest.empty(), m0, tree, "remix: base (busybox-static)",
                "base busybox-static=" + version);

        Files.delete(tree.resolve("etc/gone"));
        LayerApplier.deleteTree(tree.resolve("var/cache/olddir"));
        Trees.file(tree, "var/cache/olddir", "now a file\n");
        Trees.file(tree, "etc/motd", "installed by remix-motd\n");
        Path a = Trees.file(tree, "usr/share/remix/a", "hard-linked content\n");
        Files.createLink(tree.resolve("usr/share/remix/b"), a);
        Files.writeString(tree.resolve("var/lib/dpkg/status"), status("busybox-static=" + version, "remix-motd=1.0-1"));
        TreeManifest m1 = scanner.scan(tree, m0).manifest();
        String toolsInputs = "layer tools add remix-motd=1.0-1";
        CachedLayer tools = build(cache, base, m0, m1, tree, "remix: layer tools (+remix-motd)", toolsInputs);

        removeLayerThree(tree, version);
        TreeManifest m2 = scanner.scan(tree, m1).manifest();
        String cleanupInputs = "layer cleanup remove remix-motd";
        CachedLayer cleanup = build(cache, tools, m1, m2, tree, "remix: layer cleanup (-remix-motd)", cleanupInputs);

        ImageReference ref = ImageReference.parse("remix-test/layers:t" + System.nanoTime());
        RuntimeConfig runtime = new RuntimeConfig("0:0", List.of("PATH=/bin"), List.of("/bin/busybox"),
                List.of("sh", "-c", "echo layered"), "/", new TreeSet<>(List.of("8080/tcp")),
                Map.of("org.remixstudio.test", "layers"), "");
        Path archive = tmp.resolve("image.tar");
        new OciArchiveWriter().write(new ImageSpec(ref, "amd64", "linux", runtime,
                List.of(base.toImageLayer(), tools.toImageLayer(), cleanup.toImageLayer()), EPOCH, Map.of()), archive);

        // skopeo reads both faces of the archive
        Trees.sh("skopeo", "copy", "oci-archive:" + archive, "dir:" + tmp.resolve("skopeo-dir"));
        Trees.sh("skopeo", "copy", "docker-archive:" + archive, "dir:" + tmp.resolve("skopeo-docker-dir"));

        // umoci applies the layers with their whiteouts
        Trees.sh("skopeo", "copy", "oci-archive:" + archive, "oci:" + tmp.resolve("layout") + ":img");
        Trees.sh("umoci", "unpack", "--image", tmp.resolve("layout") + ":img", tmp.resolve("bundle").toString());
        Path rootfs = tmp.resolve("bundle/rootfs");
        assertThat(rootfs.resolve("bin/busybox")).isRegularFile();
        assertThat(Files.exists(rootfs.resolve("etc/gone"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(rootfs.resolve("etc/motd"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(rootfs.resolve("var/cache/olddir")).isRegularFile().hasContent("now a file");
        assertThat(Files.getAttribute(rootfs.resolve("usr/share/remix/a"), "unix:ino"))
                .isEqualTo(Files.getAttribute(rootfs.resolve("usr/share/remix/b"), "unix:ino"));
        assertThat(rootfs.resolve("var/lib/dpkg/status")).content().doesNotContain("remix-motd");

        // podman runs it
        String loaded = "localhost/" + ref;
        try {
            Trees.sh("podman", "load", "-i", archive.toString());
            String out = Trees.sh("podman", "--runtime", "runc", "run", "--rm", "--pull=never", "--net=none",
                    "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096", loaded, "sh", "-c",
                    "test ! -e /etc/gone && test ! -e /etc/motd && test -f /var/cache/olddir && echo layered-ok");
            assertThat(out).contains("layered-ok");
        } finally {
            new ProcessBuilder("podman", "rmi", "--force", loaded).redirectErrorStream(true).start().waitFor();
        }

        // remix inspect
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(RemixCli.execute(new String[] {"inspect", archive.toString()}, new PrintWriter(text),
                new PrintWriter(err))).as(err.toString()).isZero();
        assertThat(text.toString()).contains("Image: " + ref, "created by: remix: layer tools (+remix-motd)",
                "whiteouts (2):", "/etc/gone", "/var/cache/olddir", "packages added (1):", "busybox-static " + version,
                "remix-motd 1.0-1", "packages removed (1):", "ExposedPorts:", "8080/tcp")
                .doesNotContain("warning");
        StringWriter json = new StringWriter();
        assertThat(RemixCli.execute(new String[] {"inspect", "--format", "json", archive.toString()},
                new PrintWriter(json), new PrintWriter(err))).isZero();
        JsonNode image = new ObjectMapper().readTree(json.toString()).get(0);
        JsonNode layers = image.path("layers");
        assertThat(layers).hasSize(3);
        assertThat(names(layers.get(0).path("packagesAdded"))).containsExactly("busybox-static");
        assertThat(names(layers.get(1).path("packagesAdded"))).containsExactly("remix-motd");
        assertThat(texts(layers.get(1).path("whiteouts"))).containsExactly("etc/gone", "var/cache/olddir");
        assertThat(names(layers.get(2).path("packagesRemoved"))).containsExactly("remix-motd");
        assertThat(texts(layers.get(2).path("whiteouts"))).containsExactly("etc/motd");
        assertThat(layers.get(2).path("diffId").asText()).isEqualTo(cleanup.blob().diffId().toString());
        assertThat(image.path("warnings")).isEmpty();

        // change only the top layer's inputs: everything below comes from the cache, the tree after
        // it is re-created from the cached blobs, and an unchanged step gives the same layer again
        CachedLayer cachedBase = cache.find(LayerKey.of(null, "base busybox-static=" + version)).orElseThrow();
        CachedLayer cachedTools = cache.find(LayerKey.of(cachedBase.chainId(), toolsInputs)).orElseThrow();
        Path again = Files.createDirectories(tmp.resolve("again"));
        new LayerApplier().applyAll(cache.chain(cachedTools).stream().map(l -> l.blob().file()).toList(), again);
        TreeManifest recreated = scanner.scan(again).manifest();
        assertThat(recreated.differences(cachedTools.manifest(), false)).isEmpty();
        removeLayerThree(again, version);
        TreeManifest afterAgain = scanner.scan(again, recreated).manifest();
        LayerBlob rebuilt = writer.write(LayerDiff.compute(recreated, afterAgain, again).entries(),
                tmp.resolve("rebuilt.tar.gz"));
        assertThat(rebuilt.diffId()).isEqualTo(cleanup.blob().diffId());
        assertThat(rebuilt.digest()).isEqualTo(cleanup.blob().digest());

        // --squash: one layer, the final tree against nothing, holds no whiteouts and gives the same tree
        LayerChanges squashed = LayerDiff.compute(TreeManifest.empty(), m2, tree);
        assertThat(squashed.deleted()).isEmpty();
        LayerBlob single = writer.write(squashed.entries(), tmp.resolve("squashed.tar.gz"));
        Path flat = Files.createDirectories(tmp.resolve("flat"));
        new LayerApplier().apply(single.file(), flat);
        assertThat(m2.differences(scanner.scan(flat).manifest(), false)).isEmpty();
    }

    private static List<String> names(JsonNode packages) {
        List<String> out = new ArrayList<>();
        packages.forEach(p -> out.add(p.path("name").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(p -> out.add(p.asText()));
        return out;
    }
}
