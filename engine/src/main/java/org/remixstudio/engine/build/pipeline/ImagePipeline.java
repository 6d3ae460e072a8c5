package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.build.PhaseTime;
import org.remixstudio.engine.build.RootfsBuild;
import org.remixstudio.engine.build.RootfsBuilder;
import org.remixstudio.engine.build.RootfsOptions;
import org.remixstudio.engine.build.fetch.DebFetcher;
import org.remixstudio.engine.build.fetch.FetchedDeb;
import org.remixstudio.engine.build.layer.CachedLayer;
import org.remixstudio.engine.build.layer.LayerApplier;
import org.remixstudio.engine.build.layer.LayerCache;
import org.remixstudio.engine.build.layer.LayerChanges;
import org.remixstudio.engine.build.layer.LayerDiff;
import org.remixstudio.engine.build.layer.KeptTrees;
import org.remixstudio.engine.build.layer.LayerKey;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.build.layer.TreeScanner;
import org.remixstudio.engine.build.sandbox.OverlayMount;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.deb.ExtractOptions;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.ImageReference;
import org.remixstudio.engine.export.oci.ImageSpec;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.export.oci.OciArchiveWriter;
import org.remixstudio.engine.export.oci.OciDirectoryWriter;
import org.remixstudio.engine.export.oci.RuntimeConfig;
import org.remixstudio.engine.resolve.Resolver;
import org.remixstudio.engine.spec.ContainerConfigSpec;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Builds an image from a spec, step by step: plan the layers ({@link LayerPlanner}), fetch every
 * package, build the base tree ({@link RootfsBuilder}), install each further layer with the image's
 * own dpkg ({@link PackageStep}), turn each step's change into a layer ({@link LayerDiff}) and write
 * the image. Layers are kept in the {@link LayerCache} keyed by their parent chain and inputs; when
 * the lowest layers are cached, the tree is re-created from their blobs with {@link LayerApplier}
 * (decision record 0002) and only the layers above are built. The work directory is removed
 * whatever happens, and the output appears only when complete.
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
    private final TreeScanner scanner = new TreeScanner();

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
        Instant start = Instant.now();
        Instant created = options.sourceDateEpoch() != null ? Instant.ofEpochSecond(options.sourceDateEpoch())
                : Instant.ofEpochSecond(Instant.now().getEpochSecond());
        Instant clamp = options.sourceDateEpoch() != null ? created : null;
        LayerTarWriter writer = new LayerTarWriter(clamp, options.layers());
        LayerTarWriter plainWriter = new LayerTarWriter(clamp, LayerTarWriter.Compression.NONE);
        SandboxMode mode = Sandbox.detect();
        Path work;
        try {
            Files.createDirectories(workParent);
            work = Files.createTempDirectory(workParent, "remix-build-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory in " + workParent, e);
        }
        Path tree = work.resolve("root");
        List<String> warnings = new ArrayList<>();
        ImageReference reference = ImageReference.parse(options.tag() != null ? options.tag() : spec.name() + ":latest");
        // the SBOMs are needed only at the end: assembled on another core meanwhile
        CompletableFuture<ImageSbomFiles> sbomsAssembled = options.sbom() == null ? null
                : CompletableFuture.supplyAsync(() -> new ImageSbomFiles(options.sbom().assembler().assemble(
                        spec.name(), reference.tag(), spec.architecture(), created,
                        plans.get(plans.size() - 1).packages(), options.sbom().releases()), spec.name()));
        List<PhaseTime> phases = new ArrayList<>();
        TreeManifest topManifest = null;
        BuildTree buildTree = null;
        KeptTrees.Lease lease = null;
        Path partial = null;
        LayerStoreQueue storeQueue = null;
        try {
            List<CachedLayer> layers = new ArrayList<>();
            List<BuiltLayer> built = new ArrayList<>();
            List<TreeEntry> special = new ArrayList<>();
            String environment = "recipe " + RECIPE + "\narch " + spec.architecture() + "\nvariant " + spec.variant() + "\nsources "
                    + options.aptSources() + "\nepoch " + options.sourceDateEpoch() + "\ncompression " + options.layers() + "\n";
            Instant t = start;
            int reused = reusableLayers(plans, environment, layers);
            t = phase(phases, "cache lookup", t);
            for (int i = 0; i < reused; i++) {
                built.add(builtLayer(plans.get(i), layers.get(i), true));
            }
            // with every layer cached and nothing to do on the tree, the image is made of the blobs alone
            boolean needTree = reused < plans.size() || !spec.customizations().isEmpty() || options.squash()
                    || options.format() == OutputFormat.ROOTFS;
            TreeManifest before = TreeManifest.empty();
            boolean overlay = keptTrees != null && mode == SandboxMode.ROOT && needTree
                    && OverlayMount.available(work.resolve("overlay-probe"));
            t = phase(phases, "overlay probe", t);
            if (reused > 0 && needTree) {
                progress.accept(new ProgressEvent("cache", reused + " cached layer(s)", 0, reused, ProgressEvent.Unit.ITEMS));
                if (overlay) {
                    lease = keptTree(layers.subList(0, reused), progress);
                    // read on another core while the overlay is mounted and the next step runs
                    KeptTrees.Lease leased = lease;
                    CompletableFuture<TreeManifest> kept = CompletableFuture.supplyAsync(leased::manifest);
                    t = phase(phases, "kept tree", t);
                    buildTree = overlayOrNull(lease, kept, work, mode, warnings);
                    before = null; // the kept manifest, taken from buildTree once needed
                }
                if (buildTree == null) {
                    before = recreate(layers, tree);
                    buildTree = BuildTree.plain(tree, mode);
                }
                t = phase(phases, "tree", t);
            } else {
                if (overlay && reused == 0) {
                    // built in place where it can be kept for the next build's overlay
                    partial = keptTrees.newTreeDirectory();
                    tree = partial;
                }
                buildTree = BuildTree.plain(tree, mode);
            }
            tree = buildTree.root();
            storeQueue = new LayerStoreQueue(cache, writer, reused == 0 ? null : layers.get(reused - 1));
            Map<String, FetchedDeb> debs = fetch(plans.subList(reused, plans.size()), progress);
            t = phase(phases, "fetch", t);
            for (int i = reused; i < plans.size(); i++) {
                checkCancelled();
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
                t = phase(phases, plan.name() + ": install", t);
                if (before == null) {
                    before = buildTree.lowerManifest();
                }
                progress.accept(new ProgressEvent("layer", plan.name() + ": scan", 0, 1, ProgressEvent.Unit.ITEMS));
                TreeManifest after = buildTree.scan(before);
                t = phase(phases, plan.name() + ": scan", t);
                LayerChanges changes = LayerDiff.compute(before, after, tree);
                List<LayerEntry> entries = new ArrayList<>(changes.entries());
                extra.forEach(e -> entries.add(LayerEntry.of(e)));
                progress.accept(new ProgressEvent("layer", plan.name() + ": write", 0, 1, ProgressEvent.Unit.ITEMS));
                // the tar now, compressed and stored while the next layer installs
                storeQueue.add(plainWriter.write(entries, work.resolve("layer-" + i + ".tar")), plan.createdBy(), after,
                        environment + plan.cacheInputs());
                t = phase(phases, plan.name() + ": diff and write", t);
                topManifest = after;
                progress.accept(new ProgressEvent("layer", plan.name(), i + 1, plans.size(), ProgressEvent.Unit.ITEMS));
                before = after;
                if (!extra.isEmpty()) {
                    if (materialize(extra, tree, work, plainWriter)) {
                        // the tree now equals one re-created from the base layer, which holds them as files
                        before = buildTree.update(before, extra.stream().map(TreeEntry::path).toList());
                    } else {
                        special.addAll(extra);
                    }
                }
                t = phase(phases, plan.name() + ": special files", t);
            }
            List<CachedLayer> fresh = storeQueue.stored();
            for (int i = 0; i < fresh.size(); i++) {
                layers.add(fresh.get(i));
                built.add(builtLayer(plans.get(reused + i), fresh.get(i), false));
            }
            t = phase(phases, "compress and store (rest)", t);
            checkCancelled();
            if (before == null) {
                before = buildTree.lowerManifest();
            }
            if (partial != null) {
                // every package layer is built: keep the tree, and make any further change on an overlay
                lease = keptTrees.keep(partial, layers.get(layers.size() - 1).chainId(), before);
                partial = null;
                boolean moreOnTree = !spec.customizations().isEmpty() || options.squash()
                        || options.format() == OutputFormat.ROOTFS;
                if (moreOnTree) {
                    buildTree = overlayOrNull(lease, CompletableFuture.completedFuture(before), work, mode, warnings);
                    if (buildTree == null) {
                        tree = work.resolve("root");
                        before = recreate(layers, tree);
                        buildTree = BuildTree.plain(tree, mode);
                    }
                    tree = buildTree.root();
                }
                t = phase(phases, "keep tree", t);
            }
            ImageSbomFiles sboms = sbomsAssembled == null ? null : join(sbomsAssembled);
            if (!spec.customizations().isEmpty()) {
                String inputs = environment + "customizations " + spec.customizations();
                CachedLayer parent = layers.get(layers.size() - 1);
                LayerKey key = LayerKey.of(parent.chainId(), inputs);
                // cached only if everything below was: the step ran on that exact tree. A flattened output
                // (squash, rootfs, disks) runs the step again on the tree instead of applying the cached
                // blob onto the overlay, whose manifest would then miss the applied files; the step is
                // deterministic, so the layer it makes is the cached one
                boolean flattened = options.squash() || options.format() == OutputFormat.ROOTFS;
                Optional<CachedLayer> hit = reused == plans.size() && !(flattened && buildTree.isOverlay())
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
            List<ImageLayer> imageLayers = new ArrayList<>(layers.stream().map(CachedLayer::toImageLayer).toList());
            if (options.squash() || options.format() == OutputFormat.ROOTFS) {
                if (sboms != null) {
                    sboms.writeInto(tree, created);
                    before = buildTree.scan(before);
                }
                List<LayerEntry> entries = new ArrayList<>(LayerDiff.compute(TreeManifest.empty(), before, tree).entries());
                special.forEach(e -> entries.add(LayerEntry.of(e)));
                if (options.format() == OutputFormat.ROOTFS) {
                    LayerBlob flat = plainWriter.write(entries, work.resolve("rootfs.tar"));
                    move(flat.file(), options.output());
                    List<Path> beside = sboms == null ? List.of() : sboms.writeBeside(options.output());
                    return new BuiltImage(options.output(), "", size(options.output()), built, warnings, beside);
                }
                LayerBlob one = writer.write(entries, work.resolve("squashed.tar.gz"));
                LayerPlan top = plans.get(plans.size() - 1);
                imageLayers = List.of(new ImageLayer(one, "remix: squashed " + plans.stream().map(LayerPlan::name).toList(), ""));
                built = List.of(new BuiltLayer("squashed", top.packages().size(), top.packages().size(), 0,
                        one.diffId().toString(), one.size(), false));
            } else if (sboms != null) {
                // a small top layer of its own: the package layers below stay cached whatever the SBOMs say
                // the manifest the top layer was stored with, read back only when that layer came from the cache
                TreeManifest below = topManifest != null ? topManifest : layers.get(layers.size() - 1).manifest();
                LayerBlob blob = writer.write(sboms.layerEntries(below, created), work.resolve("sbom.tar.gz"));
                imageLayers.add(new ImageLayer(blob, "remix: SBOMs in /" + ImageSbomFiles.DIRECTORY, ""));
                LayerPlan top = plans.get(plans.size() - 1);
                built.add(new BuiltLayer("sbom", top.packages().size(), 0, 0, blob.diffId().toString(), blob.size(),
                        false));
            }
            ImageSpec image = imageSpec(spec, reference, imageLayers, created,
                    sboms == null ? Map.of() : sboms.annotations());
            progress.accept(new ProgressEvent("export", options.output().toString(), 0, 1, ProgressEvent.Unit.ITEMS));
            String digest;
            if (options.format() == OutputFormat.OCI_DIR) {
                new OciDirectoryWriter().write(image, options.output());
                digest = new OciArchiveWriter().manifestDigest(image).toString();
            } else {
                // every blob was hashed in this build as it was written, or proven unchanged by LayerCache.verify
                OciArchiveWriter archive = new OciArchiveWriter(false);
                archive.write(image, options.output());
                digest = archive.manifestDigest(image).toString();
            }
            List<Path> beside = sboms == null ? List.of() : sboms.writeBeside(options.output());
            progress.accept(new ProgressEvent("export", options.output().toString(), 1, 1, ProgressEvent.Unit.ITEMS));
            phase(phases, "export", t);
            phases.forEach(ph -> progress.accept(new ProgressEvent("phase", ph.phase() + " "
                    + ph.duration().toMillis() + " ms", 1, 1, ProgressEvent.Unit.ITEMS)));
            return new BuiltImage(options.output(), digest, size(options.output()), built, warnings, beside);
        } finally {
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
    }

    /** Re-creates the tree of {@code chain} in the empty or absent directory {@code tree}; returns its manifest. */
    private TreeManifest recreate(List<CachedLayer> chain, Path tree) {
        createRoot(tree);
        new LayerApplier().applyAll(chain.stream().map(l -> l.blob().file()).toList(), tree);
        // a re-created tree holds the base's device nodes as real files, which the cached manifest
        // does not list: scan it afresh so they do not reappear in the next layer
        return scanner.scan(tree).manifest();
    }

    /**
     * An overlay over the kept tree, or {@code null} (with a warning) when it cannot be mounted although an
     * overlay in the work directory could: e.g. the cache is on a file system overlayfs does not take as a
     * lower layer. The caller then re-creates the tree in the work directory.
     */
    private static BuildTree overlayOrNull(KeptTrees.Lease lease, CompletableFuture<TreeManifest> kept, Path work,
                                           SandboxMode mode, List<String> warnings) {
        try {
            return BuildTree.overlay(lease, kept, work, mode);
        } catch (OverlayMount.OverlayUnavailableException e) {
            warnings.add("The kept tree " + lease.tree() + " could not be mounted as an overlay (" + e.getMessage()
                    + "), so it was re-created from the cached layers. Put the cache on a local file system"
                    + " (ext4, xfs, btrfs) to rebuild faster.");
            return null;
        }
    }

    /**
     * The kept tree of the cached chain {@code chain}: found, or made by applying the chain's blobs into a
     * new directory and kept.
     */
    private KeptTrees.Lease keptTree(List<CachedLayer> chain, Consumer<ProgressEvent> progress) {
        CachedLayer top = chain.get(chain.size() - 1);
        Optional<KeptTrees.Lease> found = keptTrees.find(top.chainId());
        if (found.isPresent()) {
            return found.get();
        }
        progress.accept(new ProgressEvent("cache", "re-creating the tree of " + chain.size() + " cached layer(s)", 0,
                chain.size(), ProgressEvent.Unit.ITEMS));
        Path fresh = keptTrees.newTreeDirectory();
        try {
            new LayerApplier().applyAll(chain.stream().map(l -> l.blob().file()).toList(), fresh);
            TreeManifest manifest = scanner.scan(fresh).manifest();
            return keptTrees.keep(fresh, top.chainId(), manifest);
        } catch (RuntimeException e) {
            keptTrees.discard(fresh);
            throw e;
        }
    }

    /**
     * Creates the base layer's device nodes and FIFOs in the tree, as applying the layer would, and puts
     * back the mtimes of their directories, so that every later step sees the same tree whether the base
     * was built in this run or re-created from the cache. Only root can make device nodes.
     *
     * @return whether they were made
     */
    private static boolean materialize(List<TreeEntry> special, Path tree, Path work, LayerTarWriter plainWriter) {
        if (!ExtractOptions.runningAsRoot()) {
            return false;
        }
        Map<Path, java.nio.file.attribute.FileTime> parents = new LinkedHashMap<>();
        try {
            for (TreeEntry e : special) {
                Path parent = tree.resolve(e.path()).getParent();
                if (!parents.containsKey(parent)) {
                    parents.put(parent, Files.getLastModifiedTime(parent, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                }
            }
            LayerBlob tar = plainWriter.write(special.stream().map(LayerEntry::of).toList(), work.resolve("special.tar"));
            new LayerApplier().apply(tar.file(), tree);
            Files.delete(tar.file());
            for (Map.Entry<Path, java.nio.file.attribute.FileTime> p : parents.entrySet()) {
                Files.setLastModifiedTime(p.getKey(), p.getValue());
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the device nodes of the base layer in " + tree + ": " + e, e);
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

    private static Instant phase(List<PhaseTime> phases, String name, Instant start) {
        Instant now = Instant.now();
        phases.add(new PhaseTime(name, java.time.Duration.between(start, now)));
        return now;
    }

    /** Finds the cached layers from the bottom up until the first miss; fills {@code layers}. */
    private int reusableLayers(List<LayerPlan> plans, String environment, List<CachedLayer> layers) {
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

    private Map<String, FetchedDeb> fetch(List<LayerPlan> plans, Consumer<ProgressEvent> progress) {
        Map<String, BinaryPackage> wanted = new LinkedHashMap<>();
        plans.forEach(p -> p.added().forEach(b -> wanted.put(key(b), b)));
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

    private static ImageSpec imageSpec(RemixSpec spec, ImageReference ref, List<ImageLayer> layers, Instant created,
                                       Map<String, String> sbomAnnotations) {
        ContainerConfigSpec c = spec.container();
        List<String> env = new ArrayList<>();
        c.env().forEach((k, v) -> env.add(k + "=" + v));
        if (c.env().keySet().stream().noneMatch("PATH"::equals)) {
            env.add(0, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        }
        // the SBOM references go into the config's labels too: docker-archive readers drop manifest annotations
        Map<String, String> labels = new LinkedHashMap<>(c.labels());
        labels.putAll(sbomAnnotations);
        RuntimeConfig runtime = new RuntimeConfig(c.user().orElse(""), env, c.entrypoint(),
                c.cmd().isEmpty() && c.entrypoint().isEmpty() ? List.of("/bin/sh") : c.cmd(),
                c.workdir().orElse(""), new TreeSet<>(c.exposedPorts()), labels, "");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("org.opencontainers.image.title", spec.name());
        annotations.put("org.opencontainers.image.created", created.toString());
        if (!spec.description().isEmpty()) {
            annotations.put("org.opencontainers.image.description", spec.description());
        }
        annotations.putAll(sbomAnnotations);
        return new ImageSpec(ref, goArch(spec.architecture()), "linux", runtime, layers, created, annotations);
    }

    /** Debian architecture names as OCI (GOARCH) spells them. */
    static String goArch(String debian) {
        return switch (debian) {
            case "i386" -> "386";
            case "armhf", "armel" -> "arm";
            case "ppc64el" -> "ppc64le";
            default -> debian;
        };
    }

    private static void move(Path from, Path to) {
        try {
            Path tmp = to.resolveSibling("." + to.getFileName() + ".part");
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EngineException("cannot write " + to + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path output) {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void createRoot(Path tree) {
        try {
            Files.createDirectories(tree);
            Files.setAttribute(tree, "unix:mode", 0755);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the build tree " + tree, e);
        }
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the build was cancelled");
        }
    }
}
