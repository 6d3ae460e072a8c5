package org.remixstudio.engine.build.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.RootfsBuilder;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.layer.KeptTrees;
import org.remixstudio.engine.build.layer.LayerApplier;
import org.remixstudio.engine.build.layer.LayerCache;
import org.remixstudio.engine.build.layer.LayerDiff;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * Builds an image from a spec, step by step: plan the layers ({@link LayerPlanner}), fetch every
 * package, build the base tree ({@link RootfsBuilder}), install each further layer with the image's
 * own dpkg ({@link PackageStep}), turn each step's change into a layer ({@link LayerDiff}) and write
 * the image. Layers are kept in the {@link LayerCache} keyed by their parent chain and inputs; when
 * the lowest layers are cached, the tree is re-created from their blobs with {@link LayerApplier}
 * (decision record 0002) and only the layers above are built. Each build is an {@link ImageBuild}. The
 * work directory is removed whatever happens, and the output appears only when complete.
 */
public final class ImagePipeline {

    /**
     * The version of the way layers are made from their inputs, part of every layer-cache key: bump it
     * whenever a change to the build (unpacking, configuring, cleaning up, diffing) changes what a layer
     * holds or the bytes of its blob, so that no layer made by older code is ever reused as if it were current
     * (a cached blob of other bytes would give another image digest than a fresh build).
     */
    static final int RECIPE = 5; // 4: gzip in 1 MiB blocks (DeterministicGzipOutputStream); 5: LIBARCHIVE.xattr records

    private final Catalog catalog;
    private final DebFetcher fetcher;
    private final LayerCache cache;
    private final Path workParent;
    private final KeptTrees keptTrees;

    /**
     * @param workParent where the scratch tree goes (must allow device-less root-owned files)
     */
    public ImagePipeline(Catalog catalog, DebFetcher fetcher, LayerCache cache, Path workParent) {
        this(catalog, fetcher, cache, workParent, null);
    }

    /**
     * @param keptTrees where the trees of cached layer chains are kept for builds on an overlay (decision
     *                  record 0004), or {@code null} to re-create trees from the layer blobs every time
     */
    public ImagePipeline(Catalog catalog, DebFetcher fetcher, LayerCache cache, Path workParent, KeptTrees keptTrees) {
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.cache = cache;
        this.workParent = workParent;
        this.keptTrees = keptTrees;
    }

    public BuiltImage build(RemixSpec spec, PipelineOptions options, Consumer<ProgressEvent> progress) {
        return build(spec, new LayerPlanner(new Resolver(catalog, spec.architecture())).plan(spec), options, progress);
    }

    /** Builds the image from plans made already (by {@link LayerPlanner} for this spec), e.g. checked against a lock. */
    public BuiltImage build(RemixSpec spec, List<LayerPlan> plans, PipelineOptions options,
            Consumer<ProgressEvent> progress) {
        try (ImageBuild run = new ImageBuild(fetcher, cache, workParent, keptTrees, spec, plans, options, progress)) {
            return run.run();
        }
    }

    /** The value of work done on another thread; its failure is rethrown as it was thrown there. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
