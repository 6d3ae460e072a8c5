package org.remixstudio.engine.build.layer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.LayerEntry;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * Turns the manifests of a tree before and after a step into the entries of one layer (OCI image
 * spec v1.1, layer.md "Change Types", "Representing Changes", "Whiteouts", "Opaque Whiteout"), the
 * way {@code RUN …} in a Dockerfile yields a layer:
 * <ul>
 *   <li>an added or modified path is written in its entirety with its after-state, a change of
 *       metadata alone (mode, owner, mtime, xattrs) included;</li>
 *   <li>a deleted path is written as an explicit whiteout {@code .wh.NAME}, once for a deleted
 *       directory and none for its contents, as layer.md recommends over opaque whiteouts;</li>
 *   <li>a directory replaced by a non-directory gets a whiteout and the new entry, so the old
 *       directory's contents go whatever the applier does with a directory in the way;</li>
 *   <li>a directory replaced as a whole, that is, not one of its old entries is left and new ones
 *       took their place ({@code rm -rf d && mkdir d && …}), gets one opaque whiteout instead of one
 *       whiteout per old entry, as an overlay file system would record it; nothing extra needs
 *       writing then, since everything below it is new anyway. A directory merely emptied keeps
 *       explicit whiteouts. (Inode numbers cannot tell a re-created directory: file systems re-use a
 *       freed inode at once.)</li>
 *   <li>hard links stay hard links: when one name of a linked inode is in the layer, all its names in
 *       the tree are, so the layer re-creates the link instead of splitting it into copies (this costs the
 *       same content bytes as writing the changed name as a separate file, and keeps {@code nlink});</li>
 *   <li>the parent directories of every entry are included with their after-state, so the layer can
 *       be applied on its own (layer.md "Changeset over existing files" replaces their attributes);
 *       the root itself only when its mode, owner or xattrs changed or the layer is a base layer.</li>
 * </ul>
 * Regular-file content is read from the after-tree when the layer is written and checked against
 * the manifest's hash. The tree must not change between the scan and the layer write.
 */
public final class LayerDiff {

    private LayerDiff() {
    }

    /**
     * @param before    the tree before the step ({@link TreeManifest#empty()} for a base or squashed layer)
     * @param after     the tree after the step, scanned from {@code afterTree}
     * @param afterTree the directory {@code after} was scanned from; file content is read from here
     * @throws EngineException when the tree holds a name OCI layers cannot carry ({@code .wh.} prefix)
     */
    public static LayerChanges compute(TreeManifest before, TreeManifest after, Path afterTree) {
        return new Computation(before, after, afterTree).run();
    }

    /** One diff in progress. */
    private static final class Computation {
        private final TreeManifest before;
        private final TreeManifest after;
        private final Path tree;
        private final Set<String> emitted = new TreeSet<>(TreePaths.PARENTS_FIRST);
        private final List<String> added = new ArrayList<>();
        private final List<String> modified = new ArrayList<>();
        private final List<String> deleted = new ArrayList<>();
        private final List<String> opaque = new ArrayList<>();
        private final Set<String> opaqueSet = new HashSet<>();

        Computation(TreeManifest before, TreeManifest after, Path tree) {
            this.before = before;
            this.after = after;
            this.tree = tree;
        }

        LayerChanges run() {
            findOpaqueDirectories();
            for (ManifestEntry a : after.entries()) {
                String path = a.path();
                if (path.equals(TreePaths.ROOT)) {
                    continue;
                }
                if (TreePaths.name(path).startsWith(LayerEntry.WHITEOUT_PREFIX)) {
                    throw new EngineException("'" + path + "' in " + tree + " cannot be stored in an OCI layer: names"
                            + " beginning with '" + LayerEntry.WHITEOUT_PREFIX + "' mark deleted files (OCI image spec,"
                            + " layer.md \"Whiteouts\"); rename or remove it");
                }
                ManifestEntry b = before.get(path).orElse(null);
                if (b == null) {
                    added.add(path);
                    emitted.add(path);
                } else if (underOpaque(path) || !b.sameAs(a) || linksChanged(path)) {
                    modified.add(path);
                    emitted.add(path);
                }
            }
            findDeletions();
            includeWholeLinkGroups();
            includeParents();
            includeRoot();
            return new LayerChanges(entries(), added, modified, deleted, opaque);
        }

        /**
         * Directories replaced as a whole: present before and after, with old entries of which not one
         * name is left and new entries in their place ({@code rm -rf d && mkdir d && …}).
         */
        private void findOpaqueDirectories() {
            for (ManifestEntry a : after.entries()) {
                if (a.type() != EntryType.DIRECTORY || a.path().equals(TreePaths.ROOT) || underOpaque(a.path())) {
                    continue;
                }
                ManifestEntry b = before.get(a.path()).orElse(null);
                if (b == null || b.type() != EntryType.DIRECTORY) {
                    continue;
                }
                boolean hadChildren = false;
                boolean anyLeft = false;
                for (ManifestEntry old : before.descendants(a.path())) {
                    if (TreePaths.parent(old.path()).equals(a.path())) {
                        hadChildren = true;
                        if (after.get(old.path()).isPresent()) {
                            anyLeft = true;
                            break;
                        }
                    }
                }
                if (hadChildren && !anyLeft && !after.descendants(a.path()).isEmpty()) {
                    opaque.add(a.path());
                    opaqueSet.add(a.path());
                }
            }
        }

        private boolean underOpaque(String path) {
            if (opaqueSet.isEmpty()) {
                return false;
            }
            for (String ancestor : TreePaths.ancestors(path)) {
                if (opaqueSet.contains(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a path that is a file in both trees is linked to other names now than before. */
        private boolean linksChanged(String path) {
            return !before.linkGroup(path).equals(after.linkGroup(path));
        }

        /**
         * A deleted path gets a whiteout unless something above it already hides it: a deleted
         * ancestor's whiteout, an opaque ancestor, or an ancestor that is no longer a directory.
         */
        private void findDeletions() {
            for (ManifestEntry b : before.entries()) {
                String path = b.path();
                if (path.equals(TreePaths.ROOT)) {
                    continue;
                }
                ManifestEntry a = after.get(path).orElse(null);
                boolean replacedDirectory = a != null && b.type() == EntryType.DIRECTORY
                        && a.type() != EntryType.DIRECTORY;
                if (a != null && !replacedDirectory) {
                    continue;
                }
                if (hiddenByAncestor(path)) {
                    continue;
                }
                deleted.add(path);
            }
        }

        private boolean hiddenByAncestor(String path) {
            String parent = TreePaths.parent(path);
            if (parent.equals(TreePaths.ROOT)) {
                return false;
            }
            ManifestEntry p = after.get(parent).orElse(null);
            return p == null || p.type() != EntryType.DIRECTORY || underOpaque(path);
        }

        private void includeWholeLinkGroups() {
            List<String> more = new ArrayList<>();
            for (String path : emitted) {
                List<String> group = after.linkGroup(path);
                if (group.size() > 1) {
                    more.addAll(group);
                }
            }
            emitted.addAll(more);
        }

        private void includeParents() {
            List<String> parents = new ArrayList<>();
            for (String path : emitted) {
                parents.addAll(TreePaths.ancestors(path));
            }
            for (String path : deleted) {
                parents.addAll(TreePaths.ancestors(path));
            }
            for (String dir : opaque) {
                parents.addAll(TreePaths.ancestors(dir));
                parents.add(dir);
            }
            emitted.addAll(parents);
        }

        private void includeRoot() {
            ManifestEntry a = after.get(TreePaths.ROOT).orElse(null);
            if (a == null) {
                return;
            }
            ManifestEntry b = before.get(TreePaths.ROOT).orElse(null);
            if (b == null || b.mode() != a.mode() || b.uid() != a.uid() || b.gid() != a.gid()
                    || !b.xattrs().equals(a.xattrs())) {
                emitted.add(TreePaths.ROOT);
            }
        }

        private List<LayerEntry> entries() {
            OwnerNames names = OwnerNames.of(tree);
            List<LayerEntry> result = new ArrayList<>(emitted.size() + deleted.size() + opaque.size());
            Map<Long, String> linkHolder = new HashMap<>();
            for (String path : emitted) {
                ManifestEntry a = after.get(path).orElseThrow();
                String user = names.user(a.uid());
                String group = names.group(a.gid());
                List<String> links = after.linkGroup(path);
                String holder = links.size() > 1 ? linkHolder.putIfAbsent(a.inode(), path) : null;
                if (holder != null) {
                    result.add(LayerEntry.of(new TreeEntry(path, EntryType.HARDLINK, a.mode(), a.uid(), a.gid(), user,
                            group, a.mtime(), 0, holder, 0, 0, List.of())));
                } else if (a.type() == EntryType.FILE) {
                    result.add(new LayerEntry(a.toTreeEntry(user, group),
                            new VerifiedContent(tree.resolve(path), path, a.sha256())));
                } else {
                    result.add(LayerEntry.of(a.toTreeEntry(user, group)));
                }
            }
            for (String path : deleted) {
                result.add(LayerEntry.whiteout(path, parentMtime(path)));
            }
            for (String dir : opaque) {
                result.add(LayerEntry.opaqueWhiteout(dir, after.get(dir).orElseThrow().mtime()));
            }
            return result;
        }

        /** Whiteouts carry their directory's mtime, so the layer depends on nothing but the two trees. */
        private java.time.Instant parentMtime(String path) {
            return after.get(TreePaths.parent(path)).map(ManifestEntry::mtime).orElse(java.time.Instant.EPOCH);
        }
    }
}
