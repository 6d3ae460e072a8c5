package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.Xattr;

class TreeManifestTest {

    @TempDir
    Path tmp;

    private static final String SHA = "a".repeat(64);

    private static ManifestEntry file(String path, long inode, int links) {
        return new ManifestEntry(path, EntryType.FILE, 0644, 0, 0, Trees.T0, 3, "", inode, links, 0, 0, List.of(), SHA,
                Trees.T0);
    }

    private static ManifestEntry dir(String path) {
        return new ManifestEntry(path, EntryType.DIRECTORY, 0755, 0, 0, Trees.T0, 0, "", 1, 2, 0, 0, List.of(), "",
                Trees.T0);
    }

    @Test
    void writeThenRead_givesTheSameManifest_forARealTreeWithEveryType() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path f = Trees.file(root, "usr/share/doc/ünïcode/naïve file", "content");
        Trees.owner(f, 65534, 100);
        Trees.xattr(f, "note", "kept");
        Trees.mtime(f, Instant.parse("1960-01-01T00:00:00.5Z")); // before 1970: negative seconds
        Files.createLink(root.resolve("usr/share/doc/link"), f);
        Files.createSymbolicLink(root.resolve("usr/lib64"), Path.of("lib"));
        Trees.sh("mknod", root.resolve("null").toString(), "c", "1", "3");
        Trees.sh("mkfifo", root.resolve("fifo").toString());
        TreeManifest m = new TreeScanner().scan(root).manifest();
        Path file = tmp.resolve("m.bin");

        m.write(file);
        TreeManifest read = TreeManifest.read(file);

        assertThat(read).isEqualTo(m);
        assertThat(List.copyOf(read.entries())).isEqualTo(List.copyOf(m.entries()));
        assertThat(read.identity()).isEqualTo(m.identity());
        assertThat(read.scanStarted()).isEqualTo(m.scanStarted());
        assertThat(read.linkGroup("usr/share/doc/link")).hasSize(2);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("root", "m.bin");
        }
    }

    @Test
    void emptyManifest_roundTrips() {
        Path file = tmp.resolve("empty.bin");
        TreeManifest.empty().write(file);
        assertThat(TreeManifest.read(file).isEmpty()).isTrue();
        assertThat(TreeManifest.read(file).identity()).isNull();
    }

    @Test
    void read_ofADamagedFile_namesItAndSaysWhatToDo() throws Exception {
        TreeManifest m = new TreeManifest(List.of(dir("."), file("a", 5, 1)), new TreeIdentity(1, 2), Instant.EPOCH);
        Path file = tmp.resolve("m.bin");
        m.write(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);

        assertThatThrownBy(() -> TreeManifest.read(file)).isInstanceOf(EngineException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged").hasMessageContaining("checksum");

        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> TreeManifest.read(file)).isInstanceOf(EngineException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> TreeManifest.read(tmp.resolve("missing.bin"))).isInstanceOf(EngineException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void descendants_areEveryPathBelowADirectory_andNothingBeside() {
        TreeManifest m = new TreeManifest(List.of(dir("."), dir("a"), file("a/x", 2, 1), dir("a/b"),
                file("a/b/y", 3, 1), file("a.b", 4, 1), dir("ab"), file("ab/z", 5, 1)), null, Instant.EPOCH);

        assertThat(m.descendants("a")).extracting(ManifestEntry::path).containsExactly("a/b", "a/b/y", "a/x");
        assertThat(m.descendants("ab")).extracting(ManifestEntry::path).containsExactly("ab/z");
        assertThat(m.descendants(".")).hasSize(7);
    }

    @Test
    void linkGroups_holdOnlyRegularFilesLinkedWithinTheTree() {
        TreeManifest m = new TreeManifest(List.of(dir("."), file("a", 7, 3), file("b", 7, 3), file("c", 8, 2),
                file("d", 9, 1)), null, Instant.EPOCH);

        assertThat(m.linkGroup("b")).containsExactly("a", "b");
        assertThat(m.linkGroup("c")).containsExactly("c"); // its other name is outside the tree
        assertThat(m.linkGroup("d")).containsExactly("d");
    }

    @Test
    void differences_ignoreInodesAndOptionallyMtimes() {
        ManifestEntry a = file("a", 1, 1);
        ManifestEntry movedA = new ManifestEntry("a", EntryType.FILE, 0644, 0, 0, Trees.T0.plusSeconds(5), 3, "", 99, 1,
                0, 0, List.of(), SHA, Instant.now());
        ManifestEntry xattrB = file("b", 2, 1);
        TreeManifest one = new TreeManifest(List.of(dir("."), a, xattrB), null, Instant.EPOCH);
        TreeManifest two = new TreeManifest(List.of(dir("."), movedA, new ManifestEntry("b", EntryType.FILE, 0644, 0, 0,
                Trees.T0, 3, "", 2, 1, 0, 0, List.of(Xattr.ofText("user.x", "1")), SHA, Trees.T0), file("c", 3, 1)), null,
                Instant.EPOCH);

        assertThat(one.differences(two, false)).containsExactly("b", "c");
        assertThat(one.differences(two, true)).containsExactly("a", "b", "c");
    }

    @Test
    void entries_mustBeConsistent() {
        assertThatThrownBy(() -> new ManifestEntry("a", EntryType.FILE, 0644, 0, 0, Trees.T0, 3, "", 1, 1, 0, 0,
                List.of(), "", Trees.T0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new ManifestEntry("a", EntryType.HARDLINK, 0644, 0, 0, Trees.T0, 0, "", 1, 1, 0, 0,
                List.of(), "", Trees.T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreeManifest(List.of(file("a", 1, 1), file("a", 2, 1)), null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
