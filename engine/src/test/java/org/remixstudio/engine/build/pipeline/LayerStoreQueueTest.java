package org.remixstudio.engine.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.build.layer.CachedLayer;
import org.remixstudio.engine.build.layer.LayerCache;
import org.remixstudio.engine.build.layer.LayerKey;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.export.oci.ContentSource;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.tree.TreeEntry;

class LayerStoreQueueTest {

    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private final LayerTarWriter plain = new LayerTarWriter(EPOCH, LayerTarWriter.Compression.NONE);
    private final LayerTarWriter gzip = new LayerTarWriter(EPOCH, LayerTarWriter.Compression.GZIP);

    private LayerBlob tar(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return plain.write(List.of(new LayerEntry(TreeEntry.file(name, 0644, bytes.length, EPOCH),
                ContentSource.of(bytes))), tmp.resolve(name + ".tar"));
    }

    @Test
    void layers_areCompressedAndStoredInOrder_withTheChainIdsKnownBeforehand() {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        LayerBlob base = tar("base", "base content");
        LayerBlob top = tar("top", "top content");
        List<CachedLayer> stored;
        try (LayerStoreQueue queue = new LayerStoreQueue(cache, gzip, null)) {
            queue.add(base, "base", TreeManifest.empty(), "inputs of base");
            var baseChain = queue.topChainId();
            queue.add(top, "top", TreeManifest.empty(), "inputs of top");
            var topChain = queue.topChainId();
            stored = queue.stored();

            assertThat(stored.get(0).chainId()).isEqualTo(baseChain);
            assertThat(stored.get(1).chainId()).isEqualTo(topChain);
        }

        assertThat(stored.get(0).blob().diffId()).isEqualTo(base.diffId());
        assertThat(stored.get(1).parentChainId()).isEqualTo(stored.get(0).chainId());
        assertThat(stored.get(0).blob().mediaType()).endsWith("+gzip");
        // found again under the key the next build asks for, and the plain tars are gone
        assertThat(cache.find(LayerKey.of(stored.get(0).chainId(), "inputs of top"))).isPresent();
        assertThat(base.file()).doesNotExist();
        assertThat(top.file()).doesNotExist();
    }

    @Test
    void aLayerThatCannotBeStored_failsWhenTheLayersAreAskedFor() throws Exception {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        LayerBlob base = tar("base", "base content");
        Files.writeString(base.file(), "changed after it was written");

        try (LayerStoreQueue queue = new LayerStoreQueue(cache, gzip, null)) {
            queue.add(base, "base", TreeManifest.empty(), "inputs");

            assertThatThrownBy(queue::stored).isInstanceOf(EngineException.class).hasMessageContaining("changed after");
        }
    }

    @Test
    void close_inACancelledBuild_waitsForTheStoreThread_andKeepsTheInterrupt() throws Exception {
        LayerCache cache = new LayerCache(tmp.resolve("cache"));
        LayerBlob big = tar("big", "x".repeat(20_000_000));
        LayerStoreQueue queue = new LayerStoreQueue(cache, gzip, null);
        queue.add(big, "big", TreeManifest.empty(), "inputs");

        Thread.currentThread().interrupt();
        queue.close();

        assertThat(Thread.interrupted()).isTrue();
        // the store thread is gone: nothing half-written is left in the cache
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("layer-store") && t.isAlive());
        Files.createDirectories(tmp.resolve("cache")); // made by the store only if it got that far
        try (var files = Files.walk(tmp.resolve("cache"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".partial"))).isEmpty();
        }
    }
}
