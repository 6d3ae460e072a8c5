package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.LinkOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.remixstudio.engine.build.layer.KeptTrees;
import org.remixstudio.engine.build.layer.OverlayManifest;
import org.remixstudio.engine.build.layer.TreeManifest;
import org.remixstudio.engine.build.layer.TreeScanner;
import org.remixstudio.engine.build.sandbox.OverlayMount;
import org.remixstudio.engine.build.sandbox.Sandbox;
import org.remixstudio.engine.build.sandbox.SandboxMode;

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

    /** The tree's manifest after a step that made only the entries at {@code changed}; {@code before} is the last one. */
    TreeManifest update(TreeManifest before, Collection<String> changed) {
        return overlay == null ? scanner.update(root, before, changed) : scan(before);
    }

    @Override
    public void close() {
        if (overlay != null) {
            overlay.close();
        }
    }
}
