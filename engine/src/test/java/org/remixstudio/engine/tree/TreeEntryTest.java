package org.remixstudio.engine.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeEntryTest {

    private static final Instant T = Instant.EPOCH;

    @Test
    void constructor_refusesInconsistentEntries() {
        assertThatThrownBy(() -> TreeEntry.file("./usr", 0644, 0, T)).hasMessageContaining("not normalized");
        assertThatThrownBy(() -> TreeEntry.file("a", 0100644, 0, T)).hasMessageContaining("outside 07777");
        assertThatThrownBy(() -> TreeEntry.directory("a", 0755, T).withOwner(-1, 0, "", ""))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> TreeEntry.symlink("a", "", T)).hasMessageContaining("needs a target");
        assertThatThrownBy(() -> TreeEntry.hardlink("a", "../b", 0644, T)).isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> TreeEntry.special("a", EntryType.FILE, 0644, 1, 3, T))
                .hasMessageContaining("only devices");
    }

    @Test
    void permissionString_showsSpecialBitsLikeLs() {
        assertThat(TreeEntry.file("a", 04755, 0, T).permissionString()).isEqualTo("rwsr-xr-x");
        assertThat(TreeEntry.file("a", 02644, 0, T).permissionString()).isEqualTo("rw-r-Sr--");
        assertThat(TreeEntry.directory("tmp", 01777, T).permissionString()).isEqualTo("rwxrwxrwt");
    }

    @Test
    void xattrs_areSortedAndCompareByValue() {
        TreeEntry entry = TreeEntry.file("a", 0644, 0, T).withXattrs(List.of(
                Xattr.ofText("user.z", "1"), new Xattr("security.capability", new byte[] {1, 2})));

        assertThat(entry.xattrs()).extracting(Xattr::name).containsExactly("security.capability", "user.z");
        assertThat(entry).isEqualTo(TreeEntry.file("a", 0644, 0, T).withXattrs(List.of(
                new Xattr("security.capability", new byte[] {1, 2}), Xattr.ofText("user.z", "1"))));
    }

    @Test
    void xattr_valueCannotBeChangedFromOutside() {
        byte[] raw = {1, 2, 3};
        Xattr x = new Xattr("user.a", raw);
        raw[0] = 9;
        x.value()[1] = 9;

        assertThat(x.value()).containsExactly(1, 2, 3);
    }
}
