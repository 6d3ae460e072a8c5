package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.remixstudio.engine.build.layer.CachedLayer;
import org.remixstudio.engine.build.layer.LayerCache;
import org.remixstudio.engine.build.layer.LayerKey;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.export.oci.Digest;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerTarWriter;

/**
 * Compresses and stores a build's new package layers in order, on a thread of its own, while the build
 * goes on: gzip of a base layer takes seconds of CPU, and the next layer's install is mostly
 * maintainer scripts that leave a core idle. A layer is handed over as its uncompressed tar, already
 * written, so the tree may change at once; its chain ID, which is all the next layer's cache key
 * needs, follows from the tar's digest without waiting. {@link #stored()} waits for every layer.
 */
final class LayerStoreQueue implements AutoCloseable {

    private final LayerCache cache;
    private final LayerTarWriter gzip;
    /** The executor's one thread, joined by {@link #close}: the executor ends just before its thread does. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "layer-store");
        t.setDaemon(true);
        threads.add(t);
        return t;
    });
    private final List<CompletableFuture<CachedLayer>> pending = new ArrayList<>();
    private CompletableFuture<CachedLayer> top;
    private Digest topChainId;

    /** @param below the cached layer the first new layer goes on, or {@code null} for a base */
    LayerStoreQueue(LayerCache cache, LayerTarWriter gzip, CachedLayer below) {
        this.cache = cache;
        this.gzip = gzip;
        this.top = CompletableFuture.completedFuture(below);
        this.topChainId = below == null ? null : below.chainId();
    }

    /** The chain ID of the topmost layer so far (stored or queued), {@code null} when there is none. */
    Digest topChainId() {
        return topChainId;
    }

    /**
     * Queues a layer on top of the last one: {@code tar} (uncompressed, deleted once compressed) is
     * compressed into the cache and stored under the key made of the chain below and {@code inputs}.
     */
    void add(LayerBlob tar, String createdBy, TreeManifest after, String inputs) {
        LayerKey key = LayerKey.of(topChainId, inputs);
        top = top.thenApplyAsync(parent -> {
            LayerBlob blob = gzip.compress(tar, cache.newBlobFile());
            try {
                Files.delete(tar.file());
            } catch (IOException e) {
                // in the work directory, which the build removes anyway
            }
            return cache.store(key, parent, new ImageLayer(blob, createdBy, ""), after, inputs);
        }, thread);
        pending.add(top);
        topChainId = LayerCache.chainId(topChainId, tar.diffId());
    }

    /** Every queued layer once stored, bottom first; a failure is rethrown as it was thrown. */
    List<CachedLayer> stored() {
        List<CachedLayer> layers = new ArrayList<>();
        for (CompletableFuture<CachedLayer> f : pending) {
            layers.add(ImagePipeline.join(f));
        }
        return layers;
    }

    /**
     * Stops the work still queued (a failed or cancelled build) and waits until the thread has let go of
     * the files, also when the caller was interrupted (a cancelled build), whose interrupt is kept.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                thread.shutdownNow();
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
