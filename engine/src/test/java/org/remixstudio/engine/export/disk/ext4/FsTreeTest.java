package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.TreeEntry;

class FsTreeTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static FsTree.Node find(FsTree tree, String path) {
        return tree.nodes().stream().filter(n -> n.entry.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void build_numbersRootTwoLostFoundElevenThenDepthFirstByName() {
        FsTree tree = FsTree.build(List.of(TreeEntry.file("b/y", 0644, 0, T), TreeEntry.file("a", 0644, 0, T),
                TreeEntry.file("b/x", 0644, 0, T)), T);
        assertThat(tree.nodes()).extracting(n -> n.entry.path() + "=" + n.inode)
                .containsExactly(".=2", "lost+found=11", "a=12", "b=13", "b/x=14", "b/y=15");
    }

    @Test
    void build_countsLinksOfDirectoriesAndHardLinkedFiles() {
        FsTree tree = FsTree.build(List.of(TreeEntry.directory("d", 0755, T), TreeEntry.directory("d/e", 0755, T),
                TreeEntry.file("f", 0644, 0, T), TreeEntry.hardlink("d/g", "f", 0644, T),
                TreeEntry.hardlink("d/e/h", "d/g", 0644, T)), T);
        assertThat(find(tree, ".").links).isEqualTo(4);          // . .. d lost+found
        assertThat(find(tree, "d").links).isEqualTo(3);
        assertThat(find(tree, "f").links).isEqualTo(3);           // f, d/g and d/e/h (a link to a link)
        assertThat(tree.nodes()).hasSize(5);
    }

    @Test
    void build_directoryEntryAfterItsChildren_replacesTheMadeUpOne() {
        FsTree tree = FsTree.build(List.of(TreeEntry.file("d/f", 0644, 0, T),
                new TreeEntry("d", org.remixstudio.engine.tree.EntryType.DIRECTORY, 0700, 5, 6, "", "", T, 0, "", 0, 0,
                        List.of())), T);
        FsTree.Node d = find(tree, "d");
        assertThat(d.entry.mode()).isEqualTo(0700);
        assertThat(d.entry.uid()).isEqualTo(5);
        assertThat(d.implicit).isFalse();
    }

    @Test
    void build_childNamesAreSortedAsBytes() {
        FsTree tree = FsTree.build(List.of(TreeEntry.file("é", 0644, 0, T), TreeEntry.file("z", 0644, 0, T),
                TreeEntry.file("A", 0644, 0, T)), T);
        assertThat(tree.root().children).extracting(c -> new String(c.name(), StandardCharsets.UTF_8))
                .containsExactly("A", "lost+found", "z", "é");
    }

    @Test
    void build_refusesANameLongerThan255Bytes() {
        assertThatThrownBy(() -> FsTree.build(List.of(TreeEntry.file("x".repeat(256), 0644, 0, T)), T))
                .isInstanceOf(EngineException.class).hasMessageContaining("longer than 255 bytes");
    }

    @Test
    void build_refusesASymlinkTargetLongerThan4095Bytes() {
        assertThatThrownBy(() -> FsTree.build(List.of(TreeEntry.symlink("l", "t".repeat(4096), T)), T))
                .isInstanceOf(EngineException.class).hasMessageContaining("symlink 'l'");
    }

    @Test
    void build_refusesALostFoundThatIsNotADirectory() {
        assertThatThrownBy(() -> FsTree.build(List.of(TreeEntry.file("lost+found", 0644, 0, T)), T))
                .isInstanceOf(EngineException.class).hasMessageContaining("ext4 reserves it");
    }
}
