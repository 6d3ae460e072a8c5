package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.PhaseTime;
import org.remixstudio.engine.build.RootfsBuild;
import org.remixstudio.engine.build.RootfsBuilder;
import org.remixstudio.engine.build.RootfsOptions;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.fetch.FetchedDeb;
import org.remixstudio.engine.build.layer.CachedLayer;
import org.remixstudio.engine.build.layer.KeptTrees;
import org.remixstudio.engine.build.layer.LayerApplier;
import org.remixstudio.engine.build.layer.LayerCache;
import org.remixstudio.engine.build.layer.LayerChanges;
import org.remixstudio.engine.build.layer.LayerDiff;
import org.remixstudio.engine.build.layer.LayerKey;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.build.layer.TreeScanner;
import org.remixstudio.engine.build.sandbox.OverlayMount;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.ImageReference;
import org.remixstudio.engine.export.oci.ImageSpec;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * One run of {@link ImagePipeline}: the state a build carries from step to step (its work directory,
 * the tree and how it is mounted, the layers so far, the manifest of the tree after the last one, the
 * phase clock), so that each step is a method of its own; the tree's own work is {@link BuildTree}'s,
 * writing the result {@link ImageOutput}'s. Used once, then closed, which removes the work directory
 * and releases the kept tree whatever happened.
 */
final class ImageBuild implements AutoCloseable {

    private final DebFetcher fetcher;
    private final LayerCache cache;
    private final KeptTrees keptTrees;
    private final TreeScanner scanner = new TreeScanner();

    private final RemixSpec spec;
    private final List<LayerPlan> plans;
    private final PipelineOptions options;
    private final Consumer<ProgressEvent> progress;

    private final Instant created;
    private final LayerTarWriter writer;
    private final LayerTarWriter plainWriter;
    private final SandboxMode mode;
    private final Path work;
    private final ImageReference reference;
    private final String environment;
    private final CompletableFuture<ImageSbomFiles> sbomsAssembled;
    private final List<String> warnings = new ArrayList<>();
    private final List<PhaseTime> phases = new ArrayList<>();
    /** The image's layers so far, bottom first: cached ones, then those built in this run. */
    private final List<CachedLayer> layers = new ArrayList<>();
    private final List<BuiltLayer> built = new ArrayList<>();
    /** Device nodes and FIFOs the image holds but the tree could not (not root). */
    private final List<TreeEntry> special = new ArrayList<>();

    private Instant phaseStart;
    private int reused;
    private Path tree;
    private BuildTree buildTree;
    private KeptTrees.Lease lease;
    /** A tree being built where the kept trees are, until it is kept or the build fails. */
    private Path partial;
    private LayerStoreQueue storeQueue;
    /** The tree's manifest after the last step; {@code null} while it is the kept tree's, not yet read. */
    private TreeManifest before = TreeManifest.empty();
    /** The manifest the top layer was stored with, when made in this run. */
    private TreeManifest topManifest;

    ImageBuild(DebFetcher fetcher, LayerCache cache, Path workParent, KeptTrees keptTrees, RemixSpec spec,
               List<LayerPlan> plans, PipelineOptions options, Consumer<ProgressEvent> progress) {
        this.phaseStart = Instant.now();
        this.fetcher = fetcher;
        this.cache = cache;
        this.keptTrees = keptTrees;
        this.spec = spec;
        this.plans = plans;
        this.options = options;
        this.progress = progress;
        this.created = options.sourceDateEpoch() != null ? Instant.ofEpochSecond(options.sourceDateEpoch())
                : Instant.ofEpochSecond(Instant.now().getEpochSecond());
        Instant clamp = options.sourceDateEpoch() != null ? created : null;
        this.writer = new LayerTarWriter(clamp, options.layers());
        this.plainWriter = new LayerTarWriter(clamp, LayerTarWriter.Compression.NONE);
        this.mode = Sandbox.detect();
        this.reference = ImageReference.parse(options.tag() != null ? options.tag() : spec.name() + ":latest");
        try {
            Files.createDirectories(workParent);
            this.work = Files.createTempDirectory(workParent, "remix-build-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory in " + workParent, e);
        }
        this.tree = work.resolve("root");
        this.environment = "recipe " + ImagePipeline.RECIPE + "\narch " + spec.architecture() + "\nvariant "
                + spec.variant() + "\nsources " + options.aptSources() + "\nepoch " + options.sourceDateEpoch()
                + "\ncompression " + options.layers() + "\n";
        // the SBOMs are needed only at the end: assembled on another core meanwhile
        this.sbomsAssembled = options.sbom() == null ? null
                : CompletableFuture.supplyAsync(() -> new ImageSbomFiles(options.sbom().assembler().assemble(
                        spec.name(), reference.tag(), spec.architecture(), created,
                        plans.get(plans.size() - 1).packages(), options.sbom().releases()), spec.name()));
    }

    /** Builds the image and writes it; once per instance. */
    BuiltImage run() {
        reused = reusableLayers();
        phase("cache lookup");
        for (int i = 0; i < reused; i++) {
            built.add(builtLayer(plans.get(i), layers.get(i), true));
        }
        // with every layer cached and nothing to do on the tree, the image is made of the blobs alone
        boolean needTree = reused < plans.size() || !spec.customizations().isEmpty() || flattened();
        prepareTree(needTree);
        storeQueue = new LayerStoreQueue(cache, writer, reused == 0 ? null : layers.get(reused - 1));
        Map<String, FetchedDeb> debs = fetch(plans.subList(reused, plans.size()));
        phase("fetch");
        for (int i = reused; i < plans.size(); i++) {
            checkCancelled();
            buildLayer(i, debs);
        }
        List<CachedLayer> fresh = storeQueue.stored();
        for (int i = 0; i < fresh.size(); i++) {
            layers.add(fresh.get(i));
            built.add(builtLayer(plans.get(reused + i), fresh.get(i), false));
        }
        phase("compress and store (rest)");
        checkCancelled();
        if (before == null) {
            before = buildTree.lowerManifest();
        }
        if (partial != null) {
            keepTree();
        }
        ImageSbomFiles sboms = sbomsAssembled == null ? null : ImagePipeline.join(sbomsAssembled);
        if (!spec.customizations().isEmpty()) {
            customize();
        }
        List<ImageLayer> imageLayers = new ArrayList<>(layers.stream().map(CachedLayer::toImageLayer).toList());
        List<BuiltLayer> described = built;
        if (flattened()) {
            if (sboms != null) {
                sboms.writeInto(tree, created);
                before = buildTree.scan(before);
            }
            List<LayerEntry> entries = new ArrayList<>(LayerDiff.compute(TreeManifest.empty(), before, tree).entries());
            special.forEach(e -> entries.add(LayerEntry.of(e)));
            if (options.format() == OutputFormat.ROOTFS) {
                LayerBlob flat = plainWriter.write(entries, work.resolve("rootfs.tar"));
                return new ImageOutput(options, progress).rootfs(flat.file(), built, warnings, sboms);
            }
            LayerBlob one = writer.write(entries, work.resolve("squashed.tar.gz"));
            LayerPlan top = plans.get(plans.size() - 1);
            imageLayers = List.of(new ImageLayer(one, "remix: squashed " + plans.stream().map(LayerPlan::name).toList(), ""));
            described = List.of(new BuiltLayer("squashed", top.packages().size(), top.packages().size(), 0,
                    one.diffId().toString(), one.size(), false));
        } else if (sboms != null) {
            // a small top layer of its own: the package layers below stay cached whatever the SBOMs say
            // the manifest the top layer was stored with, read back only when that layer came from the cache
            TreeManifest below = topManifest != null ? topManifest : layers.get(layers.size() - 1).manifest();
            LayerBlob blob = writer.write(sboms.layerEntries(below, created), work.resolve("sbom.tar.gz"));
            imageLayers.add(new ImageLayer(blob, "remix: SBOMs in /" + ImageSbomFiles.DIRECTORY, ""));
            LayerPlan top = plans.get(plans.size() - 1);
            described.add(new BuiltLayer("sbom", top.packages().size(), 0, 0, blob.diffId().toString(), blob.size(),
                    false));
        }
        return export(imageLayers, described, sboms);
    }

    /** Whether the output is one flattened tree: a squashed image or a rootfs tar (which disks are made of). */
    private boolean flattened() {
        return options.squash() || options.format() == OutputFormat.ROOTFS;
    }

    /**
     * Makes the tree the first layer to build goes on: the kept tree of the cached layers under an overlay,
     * or those layers re-created in the work directory, or an empty tree (where it can be kept afterwards).
     */
    private void prepareTree(boolean needTree) {
        boolean overlay = keptTrees != null && mode == SandboxMode.ROOT && needTree
                && OverlayMount.available(work.resolve("overlay-probe"));
        phase("overlay probe");
        if (reused > 0 && needTree) {
            progress.accept(new ProgressEvent("cache", reused + " cached layer(s)", 0, reused, ProgressEvent.Unit.ITEMS));
            if (overlay) {
                lease = keptTrees.findOrRecreate(layers.subList(0, reused), () -> progress.accept(new ProgressEvent(
                        "cache", "re-creating the tree of " + reused + " cached layer(s)", 0, reused,
                        ProgressEvent.Unit.ITEMS)));
                // read on another core while the overlay is mounted and the next step runs
                KeptTrees.Lease leased = lease;
                CompletableFuture<TreeManifest> kept = CompletableFuture.supplyAsync(leased::manifest);
                phase("kept tree");
                buildTree = overlayOrNull(kept);
                before = null; // the kept manifest, taken from buildTree once needed
            }
            if (buildTree == null) {
                before = recreate(layers);
                buildTree = BuildTree.plain(tree, mode);
            }
            phase("tree");
        } else {
            if (overlay && reused == 0) {
                // built in place where it can be kept for the next build's overlay
                partial = keptTrees.newTreeDirectory();
                tree = partial;
            }
            buildTree = BuildTree.plain(tree, mode);
        }
        tree = buildTree.root();
    }

    /** Installs layer {@code i} on the tree and queues its layer, compressed and stored while the next one installs. */
    private void buildLayer(int i, Map<String, FetchedDeb> debs) {
        LayerPlan plan = plans.get(i);
        List<TreeEntry> extra = List.of();
        if (i == 0) {
            RootfsOptions rootfs = RootfsOptions.defaults(spec.architecture())
                    .withAptSources(options.aptSources()).withSourceDateEpoch(options.sourceDateEpoch())
                    .withAutoInstalled(plan.auto())
                    .withSandbox(mode);
            RootfsBuild base = new RootfsBuilder(fetcher, rootfs).build(plan.added(), tree, progress);
            warnings.addAll(base.warnings());
            extra = base.specialFiles();
            base.phases().forEach(ph -> phases.add(
                    new PhaseTime(plan.name() + ": install: " + ph.phase(), ph.duration())));
        } else {
            List<FetchedDeb> added = plan.added().stream().map(p -> debs.get(key(p))).toList();
            Sandbox sandbox = buildTree.sandbox();
            (sandbox == null ? new PackageStep(tree, mode, options.sourceDateEpoch())
                    : new PackageStep(sandbox, options.sourceDateEpoch()))
                    .apply(plan.name(), added, plan.removed(), plan.auto(), progress);
        }
        phase(plan.name() + ": install");
        if (before == null) {
            before = buildTree.lowerManifest();
        }
        progress.accept(new ProgressEvent("layer", plan.name() + ": scan", 0, 1, ProgressEvent.Unit.ITEMS));
        TreeManifest after = buildTree.scan(before);
        phase(plan.name() + ": scan");
        LayerChanges changes = LayerDiff.compute(before, after, tree);
        List<LayerEntry> entries = new ArrayList<>(changes.entries());
        extra.forEach(e -> entries.add(LayerEntry.of(e)));
        progress.accept(new ProgressEvent("layer", plan.name() + ": write", 0, 1, ProgressEvent.Unit.ITEMS));
        // the tar now, compressed and stored while the next layer installs
        storeQueue.add(plainWriter.write(entries, work.resolve("layer-" + i + ".tar")), plan.createdBy(), after,
                environment + plan.cacheInputs());
        phase(plan.name() + ": diff and write");
        topManifest = after;
        progress.accept(new ProgressEvent("layer", plan.name(), i + 1, plans.size(), ProgressEvent.Unit.ITEMS));
        before = after;
        if (!extra.isEmpty()) {
            // made, the tree equals one re-created from the base layer, which holds them as files
            Optional<TreeManifest> made = buildTree.materialize(extra, before, work.resolve("special.tar"), plainWriter);
            if (made.isPresent()) {
                before = made.get();
            } else {
                special.addAll(extra);
            }
        }
        phase(plan.name() + ": special files");
    }

    /** Every package layer is built: keeps the tree, and makes any further change on an overlay over it. */
    private void keepTree() {
        lease = keptTrees.keep(partial, layers.get(layers.size() - 1).chainId(), before);
        partial = null;
        if (!spec.customizations().isEmpty() || flattened()) {
            buildTree = overlayOrNull(CompletableFuture.completedFuture(before));
            if (buildTree == null) {
                tree = work.resolve("root");
                before = recreate(layers);
                buildTree = BuildTree.plain(tree, mode);
            }
            tree = buildTree.root();
        }
        phase("keep tree");
    }

    /** The customizations' layer on top: from the cache where that is sound, else made on the tree. */
    private void customize() {
        String inputs = environment + "customizations " + spec.customizations();
        CachedLayer parent = layers.get(layers.size() - 1);
        LayerKey key = LayerKey.of(parent.chainId(), inputs);
        // cached only if everything below was: the step ran on that exact tree. A flattened output
        // (squash, rootfs, disks) runs the step again on the tree instead of applying the cached
        // blob onto the overlay, whose manifest would then miss the applied files; the step is
        // deterministic, so the layer it makes is the cached one
        Optional<CachedLayer> hit = reused == plans.size() && !(flattened() && buildTree.isOverlay())
                ? cache.find(key).filter(cache::verify) : Optional.empty();
        CachedLayer custom;
        if (hit.isPresent()) {
            custom = hit.get();
            topManifest = null;
            new LayerApplier().apply(custom.blob().file(), tree);
            before = buildTree.isOverlay() ? buildTree.scan(before) : scanner.scan(tree).manifest();
        } else {
            progress.accept(new ProgressEvent("layer", "customizations", 0, 1, ProgressEvent.Unit.ITEMS));
            Sandbox sandbox = buildTree.sandbox();
            (sandbox == null ? new CustomizationStep(tree, mode, options.sourceDateEpoch())
                    : new CustomizationStep(sandbox, options.sourceDateEpoch())).apply(spec.customizations());
            TreeManifest after = buildTree.scan(before);
            LayerBlob blob = writer.write(LayerDiff.compute(before, after, tree).entries(), cache.newBlobFile());
            custom = cache.store(key, parent, new ImageLayer(blob, "remix: customizations", ""), after, inputs);
            topManifest = after;
            before = after;
        }
        layers.add(custom);
        LayerPlan top = plans.get(plans.size() - 1);
        built.add(new BuiltLayer("customizations", top.packages().size(), 0, 0,
                custom.blob().diffId().toString(), custom.blob().size(), hit.isPresent()));
    }

    /** Writes the image with its configuration, reports the phases' times and returns what was built. */
    private BuiltImage export(List<ImageLayer> imageLayers, List<BuiltLayer> described, ImageSbomFiles sboms) {
        ImageSpec image = ImageConfigs.imageSpec(spec, reference, imageLayers, created,
                sboms == null ? Map.of() : sboms.annotations());
        BuiltImage written = new ImageOutput(options, progress).image(image, described, warnings, sboms);
        phase("export");
        phases.forEach(ph -> progress.accept(new ProgressEvent("phase", ph.phase() + " "
                + ph.duration().toMillis() + " ms", 1, 1, ProgressEvent.Unit.ITEMS)));
        return written;
    }

    @Override
    public void close() {
        if (storeQueue != null) {
            storeQueue.close();
        }
        if (buildTree != null) {
            buildTree.close();
        }
        if (lease != null) {
            lease.close();
        }
        if (partial != null) {
            Sandbox.removeTree(partial.getParent(), mode);
        }
        Sandbox.removeTree(work, mode);
    }

    /** Re-creates the tree of {@code chain} at {@link #tree}, an empty or absent directory; returns its manifest. */
    private TreeManifest recreate(List<CachedLayer> chain) {
        return new LayerApplier().recreate(chain.stream().map(l -> l.blob().file()).toList(), tree);
    }

    /**
     * An overlay over the leased kept tree, or {@code null} (with a warning) when it cannot be mounted although
     * an overlay in the work directory could: e.g. the cache is on a file system overlayfs does not take as a
     * lower layer. The caller then re-creates the tree in the work directory.
     */
    private BuildTree overlayOrNull(CompletableFuture<TreeManifest> kept) {
        try {
            return BuildTree.overlay(lease, kept, work, mode);
        } catch (OverlayMount.OverlayUnavailableException e) {
            warnings.add("The kept tree " + lease.tree() + " could not be mounted as an overlay (" + e.getMessage()
                    + "), so it was re-created from the cached layers. Put the cache on a local file system"
                    + " (ext4, xfs, btrfs) to rebuild faster.");
            return null;
        }
    }

    /** Ends the phase that began with the last one: its time goes to {@code remix build --timings}. */
    private void phase(String name) {
        Instant now = Instant.now();
        phases.add(new PhaseTime(name, Duration.between(phaseStart, now)));
        phaseStart = now;
    }

    /** Finds the cached layers from the bottom up until the first miss; fills {@link #layers}. */
    private int reusableLayers() {
        CachedLayer parent = null;
        for (LayerPlan plan : plans) {
            String inputs = environment + plan.cacheInputs();
            Optional<CachedLayer> hit = cache.find(LayerKey.of(parent == null ? null : parent.chainId(), inputs));
            if (hit.isEmpty() || !cache.verify(hit.get())) {
                break;
            }
            parent = hit.get();
            layers.add(parent);
        }
        return layers.size();
    }

    private Map<String, FetchedDeb> fetch(List<LayerPlan> toBuild) {
        Map<String, BinaryPackage> wanted = new LinkedHashMap<>();
        toBuild.forEach(p -> p.added().forEach(b -> wanted.put(key(b), b)));
        Map<String, FetchedDeb> out = new HashMap<>();
        fetcher.fetchAll(wanted.values(), progress).forEach(d -> out.put(key(d.pkg()), d));
        return out;
    }

    private static String key(BinaryPackage p) {
        return p.name() + ":" + p.architecture() + "=" + p.version();
    }

    private static BuiltLayer builtLayer(LayerPlan plan, CachedLayer layer, boolean fromCache) {
        return new BuiltLayer(plan.name(), plan.packages().size(), plan.added().size(), plan.removed().size(),
                layer.blob().diffId().toString(), layer.blob().size(), fromCache);
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the build was cancelled");
        }
    }
}
