package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.deb.ExtractOptions;
import org.remixstudio.engine.deb.ExtractionReport;
import org.remixstudio.engine.deb.TreeExtractor;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * Applies an image layer onto a directory (OCI image spec v1.1, layer.md "Applying Changesets"),
 * which is how the tree after a cached layer is re-created: the layers' blobs applied in order onto
 * an empty directory.
 * <ul>
 *   <li>entries are placed by {@link TreeExtractor} without following symbolic links: a parent that
 *       is a symbolic link is refused, the final component is replaced, never written through;</li>
 *   <li>an entry over an existing directory replaces it ("Changeset over existing files": both
 *       directories → attributes replaced; otherwise the old path is removed);</li>
 *   <li>{@code .wh.NAME} removes NAME and everything below it, {@code .wh..wh..opq} removes every
 *       child of its directory, both only from the layers below: what this layer itself placed
 *       stays, whatever the order of the entries ("Whiteouts"); markers are never created;</li>
 *   <li>device nodes and FIFOs are created with {@code mknod(1)}, since Java has no {@code mknod}, and
 *       their attributes set with {@code chown(1)}, {@code chmod(1)} and {@code touch(1)}: Java's
 *       {@code setTimes} opens the file, which blocks on a FIFO and may act on a device; devices need root;</li>
 *   <li>ownership is applied when running as root.</li>
 * </ul>
 * The target must not be modified by anyone else while a layer is applied.
 */
public final class LayerApplier {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final boolean applyOwnership;

    /** Applies ownership when running as root. */
    public LayerApplier() {
        this(ExtractOptions.runningAsRoot());
    }

    public LayerApplier(boolean applyOwnership) {
        this.applyOwnership = applyOwnership;
    }

    /** Applies the layer file {@code blob} (gzip, zstd or plain tar) onto {@code target}. */
    public ApplyReport apply(Path blob, Path target) {
        try (LayerTarReader reader = LayerTarReader.open(blob)) {
            return apply(reader, target, blob.toString());
        }
    }

    /**
     * Applies the layers in order (bottom first) onto {@code target}, usually an empty directory.
     *
     * @return one report per layer
     */
    public List<ApplyReport> applyAll(List<Path> blobs, Path target) {
        List<ApplyReport> reports = new ArrayList<>();
        for (Path blob : blobs) {
            reports.add(apply(blob, target));
        }
        return reports;
    }

    /**
     * Makes the tree of a chain of layers in {@code tree} (empty or absent), and scans it. The scan, not
     * the layers' stored manifests, is the tree's manifest: applied as root, the base layer's device nodes
     * are real files there, which a stored manifest does not list.
     */
    public TreeManifest recreate(List<Path> blobs, Path tree) {
        try {
            Files.createDirectories(tree);
            Files.setAttribute(tree, "unix:mode", 0755);
        } catch (IOException e) {
            throw new EngineException("cannot create the tree " + tree + ": " + e.getMessage(), e);
        }
        applyAll(blobs, tree);
        return new TreeScanner().scan(tree).manifest();
    }

    /** Applies the entries of an open layer onto {@code target}. */
    public ApplyReport apply(LayerTarReader reader, Path target, String origin) {
        Path root;
        try {
            root = target.toRealPath();
        } catch (IOException e) {
            throw new EngineException("cannot apply layer " + origin + ": target " + target + " does not exist", e);
        }
        Run run = new Run(root, origin, new TreeExtractor(root, new ExtractOptions(applyOwnership, false)));
        TreeEntry entry;
        while ((entry = reader.next()) != null) {
            run.entries++;
            try {
                run.apply(entry, reader);
            } catch (EngineException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("applying layer " + origin + " was cancelled");
                }
                throw e;
            } catch (IOException e) {
                throw new EngineException("layer " + origin + ": cannot apply '" + entry.path() + "' onto " + root
                        + ": " + e, e);
            }
        }
        ExtractionReport extraction = run.extractor.finish();
        return new ApplyReport(run.entries, run.whiteouts, run.opaque, run.specials, extraction.unappliedXattrs(),
                reader.diffId());
    }

    /** One layer being applied. */
    private final class Run {
        final Path root;
        final String origin;
        final TreeExtractor extractor;
        /** Paths placed by this layer, which its own whiteouts must leave alone. */
        final NavigableSet<String> placed = new TreeSet<>(TreePaths.PARENTS_FIRST);
        /**
         * Paths seen to be real directories (not links) since the last deletion; only deletions can
         * turn a directory into something else, since no other process writes to the target.
         */
        final Set<String> knownDirectories = new HashSet<>();
        long entries;
        long whiteouts;
        long opaque;
        long specials;

        Run(Path root, String origin, TreeExtractor extractor) {
            this.root = root;
            this.origin = origin;
            this.extractor = extractor;
        }

        void apply(TreeEntry entry, LayerTarReader reader) throws IOException {
            for (String ancestor : TreePaths.ancestors(entry.path())) {
                if (TreePaths.name(ancestor).startsWith(".wh.")) {
                    throw refuse(entry, "it lies below the whiteout name '" + ancestor + "', which cannot exist");
                }
            }
            if (LayerTarReader.isOpaqueWhiteout(entry)) {
                opaque++;
                Path dir = resolve(TreePaths.parent(entry.path()), entry);
                BasicFileAttributes a = dir == null ? null : lstat(dir);
                if (a != null && a.isSymbolicLink()) {
                    throw refuse(entry, "its directory is a symbolic link; refusing to follow it");
                }
                if (a != null && a.isDirectory()) {
                    removeLowerChildren(dir, TreePaths.parent(entry.path()));
                }
                return;
            }
            if (LayerTarReader.isWhiteoutMetadata(entry)) {
                return;
            }
            if (LayerTarReader.isWhiteout(entry)) {
                whiteouts++;
                String deleted = LayerTarReader.whitedOutPath(entry);
                Path path = resolve(deleted, entry);
                if (path == null) {
                    return;
                }
                if (!placed.contains(deleted) && !placesBelow(deleted)) {
                    delete(path);
                } else if (isDirectory(path)) {
                    // this layer placed the directory or something in it: only the lower layers' contents go
                    removeLowerChildren(path, deleted);
                }
                return;
            }
            if (entry.type() != EntryType.DIRECTORY) {
                Path existing = resolve(entry.path(), entry);
                if (existing != null && isDirectory(existing)) {
                    if (placed.contains(entry.path())) {
                        throw refuse(entry, "the layer lists this path twice, first as a directory");
                    }
                    delete(existing);
                }
            }
            extractor.extract(entry, reader.content(), "layer " + origin);
            placed.add(entry.path());
            if (entry.type().isDevice() || entry.type() == EntryType.FIFO) {
                createSpecial(entry);
            }
        }

        /**
         * The on-disk path of a tree path, checking that no parent is a symbolic link; {@code null} when
         * a parent does not exist (then there is nothing there to delete or replace).
         */
        Path resolve(String treePath, TreeEntry entry) throws IOException {
            Path p = root;
            List<String> parts = TreePaths.components(treePath);
            String at = TreePaths.ROOT;
            for (int i = 0; i < parts.size(); i++) {
                p = p.resolve(parts.get(i));
                if (i == parts.size() - 1) {
                    break;
                }
                at = TreePaths.child(at, parts.get(i));
                if (knownDirectories.contains(at)) {
                    continue;
                }
                BasicFileAttributes a = lstat(p);
                if (a == null) {
                    return null;
                }
                if (a.isSymbolicLink()) {
                    throw refuse(entry, "parent '" + at + "' is a symbolic link; refusing to follow it");
                }
                if (!a.isDirectory()) {
                    return null;
                }
                knownDirectories.add(at);
            }
            return p;
        }

        /** Deletes a path and forgets what it knew about directories. */
        void delete(Path path) throws IOException {
            knownDirectories.clear();
            deleteTree(path);
        }

        /** Whether this layer placed anything below {@code dir}; in component order its descendants follow it. */
        boolean placesBelow(String dir) {
            String next = placed.higher(dir);
            return next != null && (dir.equals(TreePaths.ROOT) || next.startsWith(dir + "/"));
        }

        /** Deletes every child of {@code dir} this layer did not place, recursing into those it did. */
        void removeLowerChildren(Path dir, String treePath) throws IOException {
            List<Path> children;
            try (var list = Files.list(dir)) {
                children = list.toList();
            }
            for (Path child : children) {
                String childPath = TreePaths.child(treePath, child.getFileName().toString());
                if (!placed.contains(childPath) && !placesBelow(childPath)) {
                    delete(child);
                } else if (isDirectory(child)) {
                    removeLowerChildren(child, childPath);
                }
            }
        }

        void createSpecial(TreeEntry entry) throws IOException {
            Path path = resolve(entry.path(), entry);
            if (path == null) {
                throw refuse(entry, "its parent directory is missing");
            }
            if (lstat(path) != null) {
                delete(path);
            }
            // One shell per node, the path and numbers passed as arguments, never spliced into the script.
            // Java cannot be used for the attributes: its setTimes opens the file, which blocks on a
            // FIFO and can have side effects on a device.
            String kind = switch (entry.type()) {
                case FIFO -> "p";
                case CHAR_DEVICE -> "c";
                case BLOCK_DEVICE -> "b";
                default -> throw new IllegalStateException(entry.type().toString());
            };
            String script = "if [ \"$2\" = p ]; then mknod -- \"$1\" p; else mknod -- \"$1\" \"$2\" \"$3\" \"$4\"; fi"
                    + (applyOwnership ? " && chown -h -- \"+$5:+$6\" \"$1\"" : "")
                    + " && chmod -- \"$7\" \"$1\" && touch -h -c -d \"@$8\" -- \"$1\"";
            java.time.Instant t = entry.mtime();
            run(List.of("sh", "-c", script, "sh", path.toString(), kind, Integer.toString(entry.devMajor()),
                    Integer.toString(entry.devMinor()), Long.toString(entry.uid()), Long.toString(entry.gid()),
                    Integer.toOctalString(entry.mode()), t.getEpochSecond() + "." + String.format("%09d", t.getNano())),
                    entry);
            specials++;
        }

        private void run(List<String> command, TreeEntry entry) throws IOException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            try {
                if (!p.waitFor(1, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw refuse(entry, "mknod did not finish");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("applying layer " + origin + " was cancelled");
            }
            if (p.exitValue() != 0) {
                throw refuse(entry, "cannot create it: " + out
                        + (entry.type().isDevice() ? " (device nodes need root)" : ""));
            }
        }

        EngineException refuse(TreeEntry entry, String problem) {
            return new EngineException("layer " + origin + ", entry '" + entry.path() + "': " + problem
                    + "; nothing was written outside " + root + ".");
        }
    }

    private static boolean isDirectory(Path p) throws IOException {
        BasicFileAttributes a = lstat(p);
        return a != null && a.isDirectory();
    }

    private static BasicFileAttributes lstat(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Removes a path and, for a directory, everything below it; symbolic links are removed, never followed. */
    static void deleteTree(Path path) throws IOException {
        BasicFileAttributes a = lstat(path);
        if (a == null) {
            return;
        }
        if (!a.isDirectory()) {
            Files.delete(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
