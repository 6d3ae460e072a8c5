package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.Xattr;

class TreeScannerTest {

    @TempDir
    Path tmp;

    private final TreeScanner scanner = new TreeScanner();

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scan_recordsEveryTypeWithOwnersModesTimesHashesAndLinks() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path data = Trees.file(root, "srv/data", "hello");
        Trees.owner(data, 1234, 5678);
        Trees.mode(data, 04750);
        Instant precise = Instant.parse("2022-02-02T02:02:02.123456789Z");
        Trees.mtime(data, precise);
        Trees.xattr(data, "origin", "remix");
        Files.createLink(root.resolve("srv/twin"), data);
        Files.createSymbolicLink(root.resolve("srv/abs"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("srv/dangling"), Path.of("../nowhere"));
        Trees.sh("mkfifo", root.resolve("srv/fifo").toString());
        Trees.sh("mknod", root.resolve("srv/null").toString(), "c", "1", "3");
        Trees.sh("mknod", root.resolve("srv/loop9").toString(), "b", "7", "9");
        Path sticky = Trees.dir(root, "tmp");
        Trees.mode(sticky, 01777);

        TreeManifest m = scanner.scan(root).manifest();

        ManifestEntry file = m.get("srv/data").orElseThrow();
        assertThat(file.type()).isEqualTo(EntryType.FILE);
        assertThat(file.mode()).isEqualTo(04750);
        assertThat(file.uid()).isEqualTo(1234);
        assertThat(file.gid()).isEqualTo(5678);
        assertThat(file.mtime()).isEqualTo(precise);
        assertThat(file.size()).isEqualTo(5);
        assertThat(file.sha256()).isEqualTo(sha256("hello"));
        assertThat(file.xattrs()).containsExactly(Xattr.ofText("user.origin", "remix"));
        assertThat(file.linkCount()).isEqualTo(2);
        ManifestEntry twin = m.get("srv/twin").orElseThrow();
        assertThat(twin.type()).isEqualTo(EntryType.FILE);
        assertThat(twin.inode()).isEqualTo(file.inode());
        assertThat(m.linkGroup("srv/data")).containsExactly("srv/data", "srv/twin");
        assertThat(m.linkGroup("srv/twin")).containsExactly("srv/data", "srv/twin");
        assertThat(m.get("srv/abs").orElseThrow().linkTarget()).isEqualTo("/etc/passwd");
        assertThat(m.get("srv/dangling").orElseThrow().type()).isEqualTo(EntryType.SYMLINK);
        assertThat(m.get("srv/fifo").orElseThrow().type()).isEqualTo(EntryType.FIFO);
        ManifestEntry nul = m.get("srv/null").orElseThrow();
        assertThat(nul.type()).isEqualTo(EntryType.CHAR_DEVICE);
        assertThat(List.of(nul.devMajor(), nul.devMinor())).containsExactly(1, 3);
        ManifestEntry loop = m.get("srv/loop9").orElseThrow();
        assertThat(loop.type()).isEqualTo(EntryType.BLOCK_DEVICE);
        assertThat(List.of(loop.devMajor(), loop.devMinor())).containsExactly(7, 9);
        assertThat(m.get("tmp").orElseThrow().mode()).isEqualTo(01777);
        assertThat(m.get(".").orElseThrow().type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(m.identity()).isNotNull();
        assertThat(m.entries()).extracting(ManifestEntry::path).containsExactly(".", "srv", "srv/abs", "srv/dangling",
                "srv/data", "srv/fifo", "srv/loop9", "srv/null", "srv/twin", "tmp");
    }

    @Test
    void scan_neverFollowsSymbolicLinks() throws Exception {
        Path outside = Trees.file(tmp, "outside/secret", "not part of the tree").getParent();
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createSymbolicLink(root.resolve("escape"), outside);

        TreeManifest m = scanner.scan(root).manifest();

        assertThat(m.entries()).extracting(ManifestEntry::path).containsExactly(".", "escape");
        assertThat(m.get("escape").orElseThrow().type()).isEqualTo(EntryType.SYMLINK);
    }

    @Test
    void scan_ofASymbolicLinkAsRoot_isRefused() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);

        assertThatThrownBy(() -> scanner.scan(link)).isInstanceOf(EngineException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void scan_leavesSocketsOutAndSaysSo() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Trees.file(root, "run/keep", "x");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(root.resolve("run/daemon.sock")));

            TreeScan scan = scanner.scan(root);

            assertThat(scan.sockets()).containsExactly("run/daemon.sock");
            assertThat(scan.manifest().get("run/daemon.sock")).isEmpty();
            assertThat(scan.manifest().get("run/keep")).isPresent();
        }
    }

    @Test
    void rescan_reusesHashesOfFilesUnchangedSinceBeforeThePreviousScan() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Trees.file(root, "a", "first");
        Path b = Trees.file(root, "b", "same size");
        Trees.file(root, "c", "third");
        TreeManifest first = scanner.scan(root).manifest();
        // As if the first scan had begun well after these files were written (a real build waits
        // for that naturally); the racy-clean rule is tested separately below.
        TreeManifest previous = new TreeManifest(first.entries(), first.identity(), Instant.now().plusSeconds(60));
        // same size and mtime, different content: only the change time tells
        Files.writeString(b, "SAME SIZE");
        Trees.mtime(b, Trees.T0);

        TreeScan again = scanner.scan(root, previous);

        assertThat(again.reusedHashes()).isEqualTo(2);
        assertThat(again.hashedFiles()).isEqualTo(1);
        assertThat(again.manifest().get("b").orElseThrow().sha256()).isEqualTo(sha256("SAME SIZE"));
        assertThat(again.manifest().get("a").orElseThrow().sha256()).isEqualTo(sha256("first"));
    }

    @Test
    void rescan_hashesAgainFilesChangedJustBeforeOrDuringThePreviousScan() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Trees.file(root, "a", "racy");
        TreeManifest previous = scanner.scan(root).manifest(); // the file's ctime is within the margin

        TreeScan again = scanner.scan(root, previous);

        assertThat(again.reusedHashes()).isZero();
        assertThat(again.hashedFiles()).isEqualTo(1);
    }

    @Test
    void rescan_ofAnotherDirectory_neverReusesHashes() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Trees.file(root, "a", "one");
        TreeManifest first = scanner.scan(root).manifest();
        TreeManifest previous = new TreeManifest(first.entries(), first.identity(), Instant.now().plusSeconds(60));
        Path copy = Trees.copy(root, tmp.resolve("copy"));

        TreeScan other = scanner.scan(copy, previous);

        assertThat(other.reusedHashes()).isZero();
        assertThat(other.manifest().identity()).isNotEqualTo(first.identity());
    }

    @Test
    void update_ofTheChangedPaths_equalsAScanOfTheWholeTree() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Trees.file(root, "etc/conf", "old");
        Trees.file(root, "usr/share/doc/readme", "text");
        Trees.file(root, "dev/gone", "x");
        Files.createDirectories(root.resolve("dev/keep"));
        TreeManifest previous = scanner.scan(root).manifest();
        Trees.file(root, "dev/sub/new", "made by the step");
        Files.writeString(root.resolve("etc/conf"), "new content");
        Files.delete(root.resolve("dev/gone"));
        Trees.mtime(root.resolve("dev"), Trees.T0);

        TreeManifest updated = scanner.update(root, previous, List.of("dev/sub/new", "etc/conf", "dev/gone"));

        assertThat(updated.entries()).containsExactlyInAnyOrderElementsOf(scanner.scan(root).manifest().entries());
        assertThat(updated.get("etc/conf").orElseThrow().sha256()).isEqualTo(sha256("new content"));
        assertThat(updated.get("dev/gone")).isEmpty();
        assertThat(updated.scanStarted()).isEqualTo(previous.scanStarted());
        assertThat(updated.identity()).isEqualTo(previous.identity());
    }

    @Test
    void update_ofAnotherDirectory_isRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Trees.file(root, "a", "one");
        TreeManifest previous = scanner.scan(root).manifest();
        Path copy = Trees.copy(root, tmp.resolve("copy"));

        assertThatThrownBy(() -> scanner.update(copy, previous, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(copy.toString());
    }

    @Test
    void scan_readsEachHardLinkedInodeOnce() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path a = Trees.file(root, "a", "shared content");
        Files.createLink(root.resolve("b"), a);
        Files.createLink(root.resolve("c"), a);

        TreeScan scan = scanner.scan(root);

        assertThat(scan.hashedFiles()).isEqualTo(1);
        assertThat(scan.manifest().linkGroup("b")).containsExactly("a", "b", "c");
    }

    @Test
    void scan_reportsProgressAndStopsWhenInterrupted() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        for (int i = 0; i < 1200; i++) {
            Files.writeString(root.resolve("f" + i), "x");
        }
        List<Long> counts = new ArrayList<>();
        scanner.scan(root, null, e -> counts.add(e.done()));
        assertThat(counts).contains(1000L, 1201L);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> scanner.scan(root)).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
