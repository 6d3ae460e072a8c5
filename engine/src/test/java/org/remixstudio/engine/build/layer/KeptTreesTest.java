package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.export.oci.Digest;

class KeptTreesTest {

    @TempDir
    Path tmp;

    private static Digest chain(String name) {
        return Digest.of(name.getBytes(StandardCharsets.UTF_8));
    }

    private KeptTrees.Lease keep(KeptTrees trees, String name) throws Exception {
        Path dir = trees.newTreeDirectory();
        Files.writeString(dir.resolve("file"), name);
        return trees.keep(dir, chain(name), TreeManifest.scan(dir));
    }

    @Test
    void keepThenFind_returnsTheTreeAndItsManifest() throws Exception {
        KeptTrees trees = new KeptTrees(tmp);
        assertThat(trees.find(chain("a"))).isEmpty();
        keep(trees, "a").close();

        try (KeptTrees.Lease found = trees.find(chain("a")).orElseThrow()) {
            assertThat(Files.readString(found.tree().resolve("file"))).isEqualTo("a");
            assertThat(found.manifest().get("file")).isPresent();
            assertThat(found.chainId()).isEqualTo(chain("a"));
        }
    }

    @Test
    void keepingMoreThanTheCapacity_evictsTheLeastRecentlyUsed() throws Exception {
        KeptTrees trees = new KeptTrees(tmp, 2);
        keep(trees, "a").close();
        keep(trees, "b").close();
        // a was used after b: b is the least recently used when c comes
        Files.setLastModifiedTime(trees.directory().resolve(chain("b").hex()).resolve(KeptTrees.LOCK),
                FileTime.from(Instant.now().minusSeconds(60)));
        keep(trees, "c").close();

        assertThat(trees.find(chain("a"))).isPresent();
        assertThat(trees.find(chain("b"))).isEmpty();
        assertThat(trees.find(chain("c"))).isPresent();
    }

    @Test
    void aLeasedTree_isNotEvicted() throws Exception {
        KeptTrees trees = new KeptTrees(tmp, 1);
        try (KeptTrees.Lease a = keep(trees, "a")) {
            Files.setLastModifiedTime(trees.directory().resolve(chain("a").hex()).resolve(KeptTrees.LOCK),
                    FileTime.from(Instant.now().minusSeconds(60)));
            keep(trees, "b").close();
            assertThat(Files.isDirectory(a.tree())).isTrue();
        }
        keep(trees, "c").close();
        assertThat(trees.find(chain("a"))).isEmpty();
        assertThat(trees.find(chain("b"))).isEmpty();
    }

    @Test
    void discard_removesAnUnkeptTreeDirectory() throws Exception {
        KeptTrees trees = new KeptTrees(tmp);
        Path dir = trees.newTreeDirectory();
        Files.writeString(dir.resolve("file"), "x");
        trees.discard(dir);
        assertThat(dir.getParent()).doesNotExist();
        try (var s = Files.list(trees.directory())) {
            assertThat(s.toList()).isEqualTo(List.of());
        }
    }
}
