package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.LinkOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.remixstudio.engine.build.layer.KeptTrees;
import org.remixstudio.engine.build.layer.LayerApplier;
import org.remixstudio.engine.build.layer.OverlayManifest;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.build.layer.TreeScanner;
import org.remixstudio.engine.build.sandbox.OverlayMount;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;
import org.remixstudio.engine.deb.ExtractOptions;
import org.remixstudio.engine.export.oci.LayerBlob;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.export.oci.LayerTarWriter;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * The tree a build works on, and how to take its manifest after a step: either a plain directory
 * (scanned again, re-using the hashes of unchanged files), or the merged tree of an overlay over a
 * kept tree (decision record 0004), whose manifest is the kept tree's patched with a scan of the
 * upper directory alone ({@link OverlayManifest}). Either way steps see a plain path
 * ({@link #root()}) and run their scripts in {@link #sandbox()}.
 */
final class BuildTree implements AutoCloseable {

    private final Path root;
    private final SandboxMode mode;
    private final OverlayMount overlay;
    private final CompletableFuture<TreeManifest> lower;
    private final TreeScanner scanner = new TreeScanner();
    private TreeManifest upperScan;

    private BuildTree(Path root, SandboxMode mode, OverlayMount overlay, CompletableFuture<TreeManifest> lower) {
        this.root = root;
        this.mode = mode;
        this.overlay = overlay;
        this.lower = lower;
    }

    static BuildTree plain(Path root, SandboxMode mode) {
        return new BuildTree(root, mode, null, null);
    }

    /**
     * Mounts an overlay over the leased tree, its upper and work directories under {@code work}.
     *
     * @throws OverlayMount.OverlayUnavailableException when the overlay cannot be mounted
     */
    static BuildTree overlay(KeptTrees.Lease kept, CompletableFuture<TreeManifest> keptManifest, Path work,
                             SandboxMode mode) {
        Path upper = work.resolve("upper");
        Path scratch = work.resolve("overlay-work");
        Path merged = work.resolve("merged");
        try {
            Files.createDirectories(upper);
            Files.createDirectories(scratch);
            Files.createDirectories(merged);
            // the merged root takes its attributes from the upper root: make them the kept tree's
            Map<String, Object> top = Files.readAttributes(kept.tree(), "unix:uid,gid,mode,lastModifiedTime",
                    LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(upper, "unix:uid", top.get("uid"));
            Files.setAttribute(upper, "unix:gid", top.get("gid"));
            Files.setAttribute(upper, "unix:mode", ((Integer) top.get("mode")) & 07777);
            Files.setLastModifiedTime(upper, (FileTime) top.get("lastModifiedTime"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare an overlay in " + work + ": " + e.getMessage(), e);
        }
        OverlayMount mount = OverlayMount.mount(List.of(kept.tree()), upper, scratch, merged);
        return new BuildTree(mount.view(), mode, mount, keptManifest);
    }

    Path root() {
        return root;
    }

    /** The manifest of the kept tree under the overlay; {@code null} for a plain tree. */
    TreeManifest lowerManifest() {
        return lower == null ? null : ImagePipeline.join(lower);
    }

    boolean isOverlay() {
        return overlay != null;
    }

    /** A sandbox over the tree; {@code null} when this process can make none. */
    Sandbox sandbox() {
        if (mode == SandboxMode.NONE) {
            return null;
        }
        return overlay != null ? new Sandbox(overlay, mode) : new Sandbox(root, mode);
    }

    /** The tree's manifest now; {@code before} is the last one, whose hashes are re-used where proven. */
    TreeManifest scan(TreeManifest before) {
        if (overlay == null) {
            return scanner.scan(root, before).manifest();
        }
        upperScan = scanner.scan(overlay.upper(), upperScan).manifest();
        return OverlayManifest.derive(lowerManifest(), upperScan, root);
    }

    /**
     * Creates the base layer's device nodes and FIFOs in the tree, as applying the layer would, and puts
     * back the mtimes of their directories, so that every later step sees the same tree whether the base
     * was built in this run or re-created from the cache. Only root can make device nodes.
     *
     * @param before  the tree's manifest now
     * @param scratch a path for the tar of the nodes, deleted again
     * @return the tree's manifest with the nodes, or empty when this process cannot make them
     */
    Optional<TreeManifest> materialize(List<TreeEntry> nodes, TreeManifest before, Path scratch,
                                       LayerTarWriter plainWriter) {
        if (!ExtractOptions.runningAsRoot()) {
            return Optional.empty();
        }
        Map<Path, FileTime> parents = new LinkedHashMap<>();
        try {
            for (TreeEntry e : nodes) {
                Path parent = root.resolve(e.path()).getParent();
                if (!parents.containsKey(parent)) {
                    parents.put(parent, Files.getLastModifiedTime(parent, LinkOption.NOFOLLOW_LINKS));
                }
            }
            LayerBlob tar = plainWriter.write(nodes.stream().map(LayerEntry::of).toList(), scratch);
            new LayerApplier().apply(tar.file(), root);
            Files.delete(tar.file());
            for (Map.Entry<Path, FileTime> p : parents.entrySet()) {
                Files.setLastModifiedTime(p.getKey(), p.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the device nodes of the base layer in " + root + ": " + e, e);
        }
        List<String> made = nodes.stream().map(TreeEntry::path).toList();
        return Optional.of(overlay == null ? scanner.update(root, before, made) : scan(before));
    }

    @Override
    public void close() {
        if (overlay != null) {
            overlay.close();
        }
    }
}
