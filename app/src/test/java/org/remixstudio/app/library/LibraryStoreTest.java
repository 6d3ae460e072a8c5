package org.remixstudio.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.build.BuildRecord;

class LibraryStoreTest {

    @TempDir
    Path dir;

    @Test
    void remixesAndBuilds_areKeptNewestFirst_andDeletedTogether() {
        LibraryStore store = new LibraryStore(dir.resolve("data/library.sqlite"));
        Path a = dir.resolve("a.remix.json");
        Path b = dir.resolve("b.remix.json");
        store.saveRemix("a", a, Instant.ofEpochSecond(100));
        store.saveRemix("b", b, Instant.ofEpochSecond(200));
        store.saveBuild(new BuildRecord("a", a, "abc123", Instant.ofEpochSecond(300), "CONTAINER_TARBALL",
                dir.resolve("a.tar"), "sha256:00", 4096));
        store.saveBuild(new BuildRecord("a", a, "abc124", Instant.ofEpochSecond(400), "ROOTFS_TARBALL",
                dir.resolve("a-rootfs.tar"), "", 8192));
        store.saveBuild(new BuildRecord("tmp", null, "x", Instant.now(), "OCI", dir.resolve("x.tar"), "", 1));

        var entries = new LibraryStore(dir.resolve("data/library.sqlite")).list();
        assertThat(entries).extracting(LibraryEntry::name).containsExactly("a", "b");
        assertThat(entries.get(0).builds()).extracting(LibraryEntry.Build::specHash).containsExactly("abc124", "abc123");
        assertThat(entries.get(0).builds().get(1).digest()).isEqualTo("sha256:00");
        assertThat(entries.get(0).builds().get(1).size()).isEqualTo(4096);

        store.delete(a);
        assertThat(store.list()).extracting(LibraryEntry::name).containsExactly("b");
    }
}
