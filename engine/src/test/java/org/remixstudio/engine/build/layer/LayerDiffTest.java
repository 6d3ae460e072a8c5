package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Diffs of real trees before and after a change. Every diff is also checked the other way round:
 * its layer, written and applied onto a copy of the tree before, must give the tree after.
 */
class LayerDiffTest {

    @TempDir
    Path tmp;

    private Path root;
    private int steps;
    private final TreeScanner scanner = new TreeScanner();

    /** A change made to the tree between the two scans. */
    private interface Change {
        void apply() throws Exception;
    }

    private record Step(LayerChanges changes, TreeManifest before, TreeManifest after) {
        Map<String, TreeEntry> entries() {
            return changes.entries().stream().map(LayerEntry::entry)
                    .collect(Collectors.toMap(TreeEntry::path, Function.identity()));
        }
    }

    @BeforeEach
    void baseTree() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Trees.file(root, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        Trees.file(root, "etc/group", "root:x:0:\nstaff:x:50:\n");
        Trees.file(root, "etc/hostname", "remix\n");
        Trees.file(root, "etc/gone", "to be deleted\n");
        Trees.file(root, "usr/share/doc/pkg/README", "docs\n");
        Trees.file(root, "usr/share/doc/pkg/copyright", "GPL\n");
        Trees.file(root, "var/cache/apt/pkgcache.bin", "cache\n");
        Trees.file(root, "var/cache/apt/srcpkgcache.bin", "cache 2\n");
        Trees.file(root, "var/cache/apt/archives/lock", "");
        Trees.file(root, "opt/thing", "a file that becomes a directory\n");
        Trees.file(root, "opt/dir/inside", "a directory that becomes a file\n");
        Files.createSymbolicLink(root.resolve("usr/bin"), Path.of("../bin"));
        for (String d : List.of("etc", "usr", "usr/share", "usr/share/doc", "usr/share/doc/pkg", "var", "var/cache",
                "var/cache/apt", "var/cache/apt/archives", "opt", "opt/dir")) {
            Trees.mtime(root.resolve(d), Trees.T0);
        }
    }

    private Step step(Change change) throws Exception {
        TreeManifest before = scanner.scan(root).manifest();
        Path copy = Trees.copy(root, tmp.resolve("before" + (++steps)));
        change.apply();
        TreeManifest after = scanner.scan(root, before).manifest();
        LayerChanges changes = LayerDiff.compute(before, after, root);

        LayerBlob blob = new LayerTarWriter(null, LayerTarWriter.Compression.GZIP)
                .write(changes.entries(), tmp.resolve("layer" + steps + ".tar.gz"));
        new LayerApplier().apply(blob.file(), copy);
        TreeManifest applied = scanner.scan(copy).manifest();
        assertThat(after.differences(applied, false)).as("the layer applied onto the tree before gives the tree after")
                .isEmpty();
        return new Step(changes, before, after);
    }

    @Test
    void unchangedTree_givesAnEmptyLayer() throws Exception {
        Step s = step(() -> { });
        assertThat(s.changes().isEmpty()).isTrue();
        assertThat(s.changes().entries()).isEmpty();
    }

    @Test
    void additions_comeWithTheirParentsInTheirAfterState() throws Exception {
        Step s = step(() -> {
            Trees.file(root, "etc/motd", "hello\n");
            Trees.file(root, "srv/www/index.html", "<h1>hi</h1>\n");
        });

        assertThat(s.changes().added()).containsExactly("etc/motd", "srv", "srv/www", "srv/www/index.html");
        assertThat(s.changes().modified()).containsExactly("etc"); // its mtime changed with the new file
        assertThat(s.entries().keySet()).containsExactlyInAnyOrder("etc", "etc/motd", "srv", "srv/www",
                "srv/www/index.html");
        TreeEntry etc = s.entries().get("etc");
        assertThat(etc.mtime()).isEqualTo(s.after().get("etc").orElseThrow().mtime());
        assertThat(etc.uname()).isEqualTo("root");
    }

    @Test
    void contentChange_isFoundByHashEvenWithSameSizeAndMtime() throws Exception {
        Step s = step(() -> {
            Path p = Trees.file(root, "etc/hostname", "REMIX\n");
            Trees.mtime(p, Trees.T0);
        });

        assertThat(s.changes().modified()).containsExactly("etc/hostname");
        assertThat(s.entries().keySet()).containsExactlyInAnyOrder("etc", "etc/hostname");
    }

    @Test
    void metadataOnlyChanges_areModificationsWithTheFullEntry() throws Exception {
        Step s = step(() -> {
            Trees.mode(root.resolve("etc/hostname"), 0600);
            Trees.owner(root.resolve("usr/share/doc/pkg/README"), 1000, 50);
            Trees.mtime(root.resolve("usr/share/doc/pkg/copyright"), Trees.T0.plusSeconds(60));
            Trees.xattr(root.resolve("var/cache/apt/pkgcache.bin"), "origin", "remix");
            Trees.mode(root.resolve("opt"), 0700);
        });

        assertThat(s.changes().modified()).containsExactly("etc/hostname", "opt", "usr/share/doc/pkg/README",
                "usr/share/doc/pkg/copyright", "var/cache/apt/pkgcache.bin");
        assertThat(s.changes().added()).isEmpty();
        TreeEntry readme = s.entries().get("usr/share/doc/pkg/README");
        assertThat(readme.uid()).isEqualTo(1000);
        assertThat(readme.uname()).isEqualTo("alice");
        assertThat(readme.gname()).isEqualTo("staff");
        assertThat(readme.size()).isEqualTo(5);
        assertThat(s.entries().get("etc/hostname").mode()).isEqualTo(0600);
        assertThat(s.entries().get("var/cache/apt/pkgcache.bin").xattrs()).hasSize(1);
    }

    @Test
    void deletions_becomeWhiteouts_oneForAWholeDirectory() throws Exception {
        Step s = step(() -> {
            Files.delete(root.resolve("etc/gone"));
            LayerApplier.deleteTree(root.resolve("usr/share/doc/pkg"));
        });

        assertThat(s.changes().deleted()).containsExactly("etc/gone", "usr/share/doc/pkg");
        assertThat(s.entries().keySet()).containsExactlyInAnyOrder("etc", "etc/.wh.gone", "usr", "usr/share",
                "usr/share/doc", "usr/share/doc/.wh.pkg");
        assertThat(s.entries().get("etc/.wh.gone").type()).isEqualTo(EntryType.FILE);
        assertThat(s.entries().get("etc/.wh.gone").size()).isZero();
    }

    @Test
    void typeChanges_replaceTheOldEntry_aDirectoryWithAWhiteoutFirst() throws Exception {
        Step s = step(() -> {
            LayerApplier.deleteTree(root.resolve("opt/dir"));
            Trees.file(root, "opt/dir", "now a file\n");
            Files.delete(root.resolve("opt/thing"));
            Trees.file(root, "opt/thing/child", "now a directory\n");
            Files.delete(root.resolve("usr/bin"));
            Files.createSymbolicLink(root.resolve("usr/bin"), Path.of("/bin"));
        });

        assertThat(s.changes().modified()).contains("opt/dir", "opt/thing", "usr/bin");
        assertThat(s.changes().deleted()).containsExactly("opt/dir");
        assertThat(s.entries().get("opt/dir").type()).isEqualTo(EntryType.FILE);
        assertThat(s.entries()).containsKey("opt/.wh.dir").doesNotContainKey("opt/.wh.thing");
        assertThat(s.entries().get("opt/thing").type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(s.entries().get("opt/thing/child").type()).isEqualTo(EntryType.FILE);
        assertThat(s.entries().get("usr/bin").linkTarget()).isEqualTo("/bin");
    }

    @Test
    void aDirectoryReplacedAsAWhole_getsAnOpaqueWhiteout() throws Exception {
        Step s = step(() -> {
            LayerApplier.deleteTree(root.resolve("var/cache/apt"));
            Trees.file(root, "var/cache/apt/fresh.bin", "new\n");
        });

        assertThat(s.changes().opaque()).containsExactly("var/cache/apt");
        assertThat(s.changes().deleted()).isEmpty();
        assertThat(s.entries().keySet()).containsExactlyInAnyOrder("var", "var/cache", "var/cache/apt",
                "var/cache/apt/.wh..wh..opq", "var/cache/apt/fresh.bin");
    }

    @Test
    void aReplacedDirectoryWithAnUnchangedSurvivor_getsExplicitWhiteouts() throws Exception {
        Path keep = tmp.resolve("keep");
        Trees.copy(root.resolve("var/cache/apt/pkgcache.bin"), keep);
        Step s = step(() -> {
            LayerApplier.deleteTree(root.resolve("var/cache/apt"));
            Files.createDirectories(root.resolve("var/cache/apt"));
            Trees.copy(keep, root.resolve("var/cache/apt/pkgcache.bin"));
        });

        assertThat(s.changes().opaque()).isEmpty();
        assertThat(s.changes().deleted()).containsExactly("var/cache/apt/archives", "var/cache/apt/srcpkgcache.bin");
        assertThat(s.entries()).doesNotContainKey("var/cache/apt/pkgcache.bin");
    }

    @Test
    void emptyingADirectoryInPlace_givesExplicitWhiteouts() throws Exception {
        Step s = step(() -> {
            LayerApplier.deleteTree(root.resolve("var/cache/apt/archives"));
            Files.delete(root.resolve("var/cache/apt/pkgcache.bin"));
            Files.delete(root.resolve("var/cache/apt/srcpkgcache.bin"));
        });

        assertThat(s.changes().opaque()).isEmpty();
        assertThat(s.changes().deleted()).containsExactly("var/cache/apt/archives", "var/cache/apt/pkgcache.bin",
                "var/cache/apt/srcpkgcache.bin");
    }

    @Test
    void newHardLinks_areWrittenOnceAsAFileAndThenAsLinks() throws Exception {
        Step s = step(() -> {
            Path a = Trees.file(root, "usr/lib/a", "linked\n");
            Files.createLink(root.resolve("usr/lib/b"), a);
            Files.createLink(root.resolve("usr/lib/c"), a);
        });

        Map<String, TreeEntry> e = s.entries();
        assertThat(e.get("usr/lib/a").type()).isEqualTo(EntryType.FILE);
        assertThat(e.get("usr/lib/b").type()).isEqualTo(EntryType.HARDLINK);
        assertThat(e.get("usr/lib/b").linkTarget()).isEqualTo("usr/lib/a");
        assertThat(e.get("usr/lib/c").linkTarget()).isEqualTo("usr/lib/a");
    }

    @Test
    void aLinkToAnUnchangedFile_bringsThatFileIntoTheLayer_soTheLinkSurvives() throws Exception {
        Step s = step(() -> Files.createLink(root.resolve("etc/hostname.link"), root.resolve("etc/hostname")));

        assertThat(s.changes().added()).containsExactly("etc/hostname.link");
        assertThat(s.changes().modified()).containsExactly("etc", "etc/hostname"); // it has a new partner
        assertThat(s.entries().get("etc/hostname").type()).isEqualTo(EntryType.FILE);
        assertThat(s.entries().get("etc/hostname.link").type()).isEqualTo(EntryType.HARDLINK);
    }

    @Test
    void breakingAHardLink_writesBothNamesAsFiles() throws Exception {
        Path a = Trees.file(root, "srv/a", "pair\n");
        Files.createLink(root.resolve("srv/b"), a);
        Trees.mtime(root.resolve("srv"), Trees.T0);
        Step s = step(() -> {
            Path copy = tmp.resolve("b-copy");
            Trees.copy(root.resolve("srv/b"), copy);
            Files.delete(root.resolve("srv/b"));
            Files.move(copy, root.resolve("srv/b"));
            Trees.mtime(root.resolve("srv"), Trees.T0);
        });

        assertThat(s.changes().modified()).containsExactly("srv/a", "srv/b");
        assertThat(s.entries().get("srv/a").type()).isEqualTo(EntryType.FILE);
        assertThat(s.entries().get("srv/b").type()).isEqualTo(EntryType.FILE);
    }

    @Test
    void specialFiles_areCarried() throws Exception {
        Step s = step(() -> {
            Files.createDirectories(root.resolve("dev"));
            Trees.sh("mknod", root.resolve("dev/null").toString(), "c", "1", "3");
            Trees.sh("mkfifo", root.resolve("dev/initctl").toString());
        });

        assertThat(s.entries().get("dev/null").type()).isEqualTo(EntryType.CHAR_DEVICE);
        assertThat(s.entries().get("dev/null").devMinor()).isEqualTo(3);
        assertThat(s.entries().get("dev/initctl").type()).isEqualTo(EntryType.FIFO);
    }

    @Test
    void aBaseLayer_holdsTheWholeTreeAndItsRoot() throws Exception {
        Files.createLink(root.resolve("etc/hostname.link"), root.resolve("etc/hostname"));
        TreeManifest after = scanner.scan(root).manifest();

        LayerChanges base = LayerDiff.compute(TreeManifest.empty(), after, root);

        assertThat(base.entries()).hasSize(after.size());
        assertThat(base.added()).hasSize(after.size() - 1);
        Map<String, TreeEntry> e = base.entries().stream().map(LayerEntry::entry)
                .collect(Collectors.toMap(TreeEntry::path, Function.identity()));
        assertThat(e).containsKey(".");
        assertThat(e.get("etc/hostname.link").type()).isEqualTo(EntryType.HARDLINK);
        Path fresh = Files.createDirectories(tmp.resolve("fresh"));
        LayerBlob blob = new LayerTarWriter(null, LayerTarWriter.Compression.NONE).write(base.entries(),
                tmp.resolve("base.tar"));
        new LayerApplier().apply(blob.file(), fresh);
        assertThat(after.differences(scanner.scan(fresh).manifest(), false)).isEmpty();
    }

    @Test
    void aNameWithTheWhiteoutPrefix_cannotBeStored() throws Exception {
        TreeManifest before = scanner.scan(root).manifest();
        Trees.file(root, "etc/.wh.sneaky", "x");
        TreeManifest after = scanner.scan(root).manifest();

        assertThatThrownBy(() -> LayerDiff.compute(before, after, root)).isInstanceOf(EngineException.class)
                .hasMessageContaining("etc/.wh.sneaky").hasMessageContaining("Whiteouts");
    }

    @Test
    void aFileChangedAfterTheScan_failsTheLayerWrite() throws Exception {
        TreeManifest before = scanner.scan(root).manifest();
        Trees.file(root, "etc/motd", "scanned\n");
        TreeManifest after = scanner.scan(root).manifest();
        LayerChanges changes = LayerDiff.compute(before, after, root);
        Files.writeString(root.resolve("etc/motd"), "SCANNED\n");

        assertThatThrownBy(() -> new LayerTarWriter(null, LayerTarWriter.Compression.GZIP)
                .write(changes.entries(), tmp.resolve("l.tar.gz")))
                .isInstanceOf(EngineException.class).hasMessageContaining("etc/motd")
                .hasMessageContaining("changed after its tree was scanned");
        assertThat(tmp.resolve("l.tar.gz")).doesNotExist();
    }
}
