package org.remixstudio.engine.build.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.ContentSource;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.tree.TreeEntry;

class LayerCacheTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private ImageLayer layer(LayerCache cache, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        LayerBlob blob = new LayerTarWriter(T, LayerTarWriter.Compression.GZIP).write(
                List.of(new LayerEntry(TreeEntry.file(name, 0644, bytes.length, T), ContentSource.of(bytes))),
                cache.newBlobFile());
        return new ImageLayer(blob, "remix: " + name, "");
    }

    private static TreeManifest manifest(String name) {
        return new TreeManifest(List.of(new ManifestEntry(name, org.remixstudio.engine.tree.EntryType.DIRECTORY, 0755,
                0, 0, T, 0, "", 1, 1, 0, 0, List.of(), "", T)), null, T);
    }

    @Test
    void missThenStoreThenHit_returnsTheSameLayer() {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        LayerKey key = LayerKey.of(null, "variant minbase\nbusybox-static 1:1.35.0 sha256:abc\n");
        assertThat(cache.find(key)).isEmpty();
        ImageLayer built = layer(cache, "base", "base content");

        CachedLayer stored = cache.store(key, null, built, manifest("base"), "variant minbase");
        CachedLayer found = cache.find(key).orElseThrow();

        assertThat(found).isEqualTo(stored);
        assertThat(found.blob().digest()).isEqualTo(built.blob().digest());
        assertThat(found.blob().diffId()).isEqualTo(built.blob().diffId());
        assertThat(found.blob().size()).isEqualTo(built.blob().size());
        assertThat(found.blob().file()).startsWith(cache.directory().resolve(key.hex()));
        assertThat(found.chainId()).isEqualTo(built.blob().diffId());
        assertThat(found.parentKey()).isNull();
        assertThat(found.createdBy()).isEqualTo("remix: base");
        assertThat(found.manifest()).isEqualTo(manifest("base"));
        assertThat(found.toImageLayer().blob()).isEqualTo(found.blob());
        assertThat(cache.verify(found)).isTrue();
        assertThat(built.blob().file()).as("the blob was moved into the cache").doesNotExist();
    }

    @Test
    void keys_dependOnTheLayersBelowAndOnTheInputs() {
        Digest parentA = Digest.of("a".getBytes());
        Digest parentB = Digest.of("b".getBytes());

        assertThat(LayerKey.of(parentA, "add nginx")).isEqualTo(LayerKey.of(parentA, "add nginx"));
        assertThat(LayerKey.of(parentA, "add nginx")).isNotEqualTo(LayerKey.of(parentB, "add nginx"));
        assertThat(LayerKey.of(parentA, "add nginx")).isNotEqualTo(LayerKey.of(parentA, "add nginx "));
        assertThat(LayerKey.of(null, "add nginx")).isNotEqualTo(LayerKey.of(parentA, "add nginx"));
    }

    @Test
    void chainIds_followTheImageSpec() {
        Digest one = Digest.of("1".getBytes());
        Digest two = Digest.of("2".getBytes());

        assertThat(LayerCache.chainId(null, one)).isEqualTo(one);
        assertThat(LayerCache.chainId(one, two)).isEqualTo(Digest.of((one + " " + two).getBytes()));
    }

    @Test
    void chain_listsTheLayersBottomFirst_soOnlyTheTopIsRebuiltAfterAChangeToIt() {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        CachedLayer base = cache.store(LayerKey.of(null, "base"), null, layer(cache, "base", "1"), manifest("b"), "base");
        LayerKey toolsKey = LayerKey.of(base.chainId(), "tools");
        CachedLayer tools = cache.store(toolsKey, base, layer(cache, "tools", "2"), manifest("t"), "tools");
        CachedLayer top = cache.store(LayerKey.of(tools.chainId(), "custom v1"), tools, layer(cache, "custom", "3"),
                manifest("c"), "custom v1");

        assertThat(cache.chain(top)).extracting(CachedLayer::key).containsExactly(base.key(), tools.key(), top.key());
        assertThat(top.chainId()).isEqualTo(LayerCache.chainId(tools.chainId(), top.blob().diffId()));
        // a changed top layer: everything below is still found by the same keys
        assertThat(cache.find(LayerKey.of(null, "base"))).isPresent();
        assertThat(cache.find(LayerKey.of(base.chainId(), "tools"))).isPresent();
        assertThat(cache.find(LayerKey.of(tools.chainId(), "custom v2"))).isEmpty();

        Path tree = tmp.resolve("tree");
        new LayerApplier().applyAll(cache.chain(top).stream().map(l -> l.blob().file()).toList(),
                createDirectories(tree));
        assertThat(tree.resolve("base")).exists();
        assertThat(tree.resolve("tools")).exists();
        assertThat(tree.resolve("custom")).exists();

        deleteEntry(cache, tools.key());
        assertThatThrownBy(() -> cache.chain(top)).isInstanceOf(EngineException.class)
                .hasMessageContaining(tools.key().hex()).hasMessageContaining("missing");
    }

    private static Path createDirectories(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteEntry(LayerCache cache, LayerKey key) {
        try {
            LayerApplier.deleteTree(cache.directory().resolve(key.hex()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDamagedEntry_isAMissAndIsRemoved() throws Exception {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        LayerKey key = LayerKey.of(null, "x");
        CachedLayer stored = cache.store(key, null, layer(cache, "x", "content"), manifest("x"), "x");
        Files.write(stored.blob().file(), new byte[] {1, 2, 3});

        assertThat(cache.find(key)).isEmpty();
        assertThat(cache.directory().resolve(key.hex())).doesNotExist();

        CachedLayer again = cache.store(key, null, layer(cache, "x", "content"), manifest("x"), "x");
        assertThat(cache.find(key)).contains(again);
    }

    @Test
    void verify_findsAChangedBlobOfTheRightSize() throws Exception {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        CachedLayer stored = cache.store(LayerKey.of(null, "x"), null, layer(cache, "x", "content"), manifest("x"), "x");
        byte[] bytes = Files.readAllBytes(stored.blob().file());
        bytes[bytes.length - 5] ^= 1;
        Files.write(stored.blob().file(), bytes);

        assertThat(cache.verify(stored)).isFalse();
    }

    @Test
    void anUnfinishedEntry_isNeverSeen() throws Exception {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        LayerKey key = LayerKey.of(null, "x");
        // what a crash in the middle of store() leaves behind: a partial directory under another name
        Path partial = Files.createDirectories(cache.directory().resolve(".partial-" + key.hex().substring(0, 12) + "-1"));
        Files.writeString(partial.resolve(LayerCache.BLOB), "half");

        assertThat(cache.find(key)).isEmpty();
        // and an entry directory whose metadata is missing is no entry either
        Files.createDirectories(cache.directory().resolve(key.hex()));
        assertThat(cache.find(key)).isEmpty();
    }

    @Test
    void storingTheSameKeyConcurrently_keepsOneCompleteEntry() throws Exception {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        LayerKey key = LayerKey.of(null, "shared");
        int writers = 6;
        List<ImageLayer> layers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            layers.add(layer(cache, "same", "identical content"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<CachedLayer>> tasks = new ArrayList<>();
            for (ImageLayer l : layers) {
                tasks.add(() -> cache.store(key, null, l, manifest("s"), "shared"));
            }
            List<CachedLayer> results = new ArrayList<>();
            for (Future<CachedLayer> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            assertThat(results).allSatisfy(r -> assertThat(r.blob().digest()).isEqualTo(layers.get(0).blob().digest()));
        } finally {
            pool.shutdown();
        }
        try (var entries = Files.list(cache.directory())) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("tmp")))
                    .containsExactly(key.hex());
        }
        assertThat(cache.verify(cache.find(key).orElseThrow())).isTrue();
    }
}
