package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreePaths;

/**
 * The manifest of an overlay's merged tree, made from the manifest of its (unchanging) lower tree
 * and a scan of its upper directory alone, so a build on a kept tree never scans the whole tree.
 * It follows how overlayfs presents the merge (kernel documentation "Overlay Filesystem": "Upper and
 * Lower", "whiteouts and opaque directories"):
 * <ul>
 *   <li>a path in the upper directory replaces the lower one, its metadata and content taken from the
 *       upper copy (the merged root's attributes are the upper root's);</li>
 *   <li>a whiteout, a character device 0/0, removes the lower path and everything below it;</li>
 *   <li>a directory in both merges the two; lower entries it does not show any more (the directory is
 *       opaque, {@code trusted.overlay.opaque=y}, because it was removed and made again) go. Opaque
 *       directories are recognised by listing the merged directory, since Java reads no
 *       {@code trusted.*} attributes; this also covers an opaque directory whose lower names were all
 *       made again.</li>
 * </ul>
 * Upper inode numbers are stored with bit 62 set, so they are not taken for lower inodes (the two
 * directories may be on different file systems) when hard links are grouped; no file system here
 * hands out inode numbers that large. The mount
 * must not use {@code metacopy} or {@code redirect_dir}: with those, an upper entry does not hold
 * what the merged one does.
 */
public final class OverlayManifest {

    /** Marks an inode number as the upper directory's. */
    static final long UPPER_INODES = 1L << 62;

    private OverlayManifest() {
    }

    /**
     * @param lower  the manifest of the lower tree, which has not changed since it was made
     * @param upper  a scan of the upper directory
     * @param merged the merged tree, where directories are listed to find opaque ones
     */
    public static TreeManifest derive(TreeManifest lower, TreeManifest upper, Path merged) {
        NavigableMap<String, ManifestEntry> after = new TreeMap<>(TreePaths.PARENTS_FIRST);
        for (ManifestEntry e : lower.entries()) {
            after.put(e.path(), e);
        }
        for (ManifestEntry u : upper.entries()) {
            String path = u.path();
            if (isWhiteout(u)) {
                removeSubtree(after, path);
                continue;
            }
            ManifestEntry old = after.get(path);
            boolean merging = old != null && old.type() == EntryType.DIRECTORY && u.type() == EntryType.DIRECTORY;
            if (old != null && !merging) {
                removeSubtree(after, path);
            }
            after.put(path, fromUpper(u));
            if (merging) {
                keepOnlyShown(after, path, merged);
            }
        }
        return new TreeManifest(after.values(), null, Instant.now());
    }

    static boolean isWhiteout(ManifestEntry e) {
        return e.type() == EntryType.CHAR_DEVICE && e.devMajor() == 0 && e.devMinor() == 0;
    }

    private static ManifestEntry fromUpper(ManifestEntry u) {
        return new ManifestEntry(u.path(), u.type(), u.mode(), u.uid(), u.gid(), u.mtime(), u.size(), u.linkTarget(),
                UPPER_INODES | u.inode(), u.linkCount(), u.devMajor(), u.devMinor(), u.xattrs(), u.sha256(), u.ctime());
    }

    /** Removes the direct children of {@code dir} (with their subtrees) that the merged directory does not show. */
    private static void keepOnlyShown(NavigableMap<String, ManifestEntry> after, String dir, Path merged) {
        List<String> children = new ArrayList<>();
        String prefix = dir.equals(TreePaths.ROOT) ? "" : dir + "/";
        for (String path : after.tailMap(dir, false).keySet()) {
            if (!prefix.isEmpty() && !path.startsWith(prefix)) {
                break;
            }
            if (TreePaths.parent(path).equals(dir)) {
                children.add(path);
            }
        }
        if (children.isEmpty()) {
            return;
        }
        Set<String> shown = new HashSet<>();
        Path at = dir.equals(TreePaths.ROOT) ? merged : merged.resolve(dir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(at)) {
            for (Path p : entries) {
                shown.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + at + " in the merged tree: " + e.getMessage(), e);
        }
        for (String child : children) {
            if (!shown.contains(TreePaths.name(child))) {
                removeSubtree(after, child);
            }
        }
    }

    private static void removeSubtree(NavigableMap<String, ManifestEntry> after, String path) {
        after.remove(path);
        String prefix = path + "/";
        // in component order the descendants of a path directly follow it
        Iterator<String> tail = after.tailMap(path, false).keySet().iterator();
        while (tail.hasNext()) {
            if (!tail.next().startsWith(prefix)) {
                break;
            }
            tail.remove();
        }
    }
}
