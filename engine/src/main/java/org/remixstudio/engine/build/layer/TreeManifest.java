package org.remixstudio.engine.build.layer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreePaths;

/**
 * Everything in a directory tree at one moment, path by path: the "before" and "after" of a layer
 * are two manifests, and the layer is their difference ({@link LayerDiff}). Made by
 * {@link TreeScanner}; immutable; stored compactly with {@link #write} so the layer cache can keep
 * the manifest of the tree after each layer.
 */
public final class TreeManifest {

    private static final TreeManifest EMPTY = new TreeManifest(List.of(), null, Instant.EPOCH);

    private final NavigableMap<String, ManifestEntry> entries;
    private final TreeIdentity identity;
    private final Instant scanStarted;
    private final Map<Long, List<String>> linkGroups;

    /**
     * @param entries     every path of the tree, the root included, in any order
     * @param identity    where the tree was scanned, or {@code null} when unknown
     * @param scanStarted wall-clock time at which the scan began: a file whose change time is older was
     *                    not modified during or after the scan
     */
    public TreeManifest(Collection<ManifestEntry> entries, TreeIdentity identity, Instant scanStarted) {
        TreeMap<String, ManifestEntry> map = new TreeMap<>(TreePaths.PARENTS_FIRST);
        for (ManifestEntry e : entries) {
            if (map.put(e.path(), e) != null) {
                throw new IllegalArgumentException("path '" + e.path() + "' is listed twice");
            }
        }
        this.entries = Collections.unmodifiableNavigableMap(map);
        this.identity = identity;
        this.scanStarted = scanStarted;
        Map<Long, List<String>> groups = new HashMap<>();
        for (ManifestEntry e : map.values()) {
            if (e.isHardLinked()) {
                groups.computeIfAbsent(e.inode(), k -> new ArrayList<>()).add(e.path());
            }
        }
        groups.values().removeIf(g -> g.size() < 2);
        groups.replaceAll((k, v) -> List.copyOf(v));
        this.linkGroups = Map.copyOf(groups);
    }

    /** The manifest of nothing at all: the "before" of a base layer or of a squashed image. */
    public static TreeManifest empty() {
        return EMPTY;
    }

    /** Scans {@code root}; see {@link TreeScanner}. */
    public static TreeManifest scan(Path root) {
        return new TreeScanner().scan(root, null).manifest();
    }

    /** Reads a manifest written by {@link #write}. */
    public static TreeManifest read(Path file) {
        return ManifestCodec.read(file);
    }

    /** Writes the manifest to {@code file} atomically (temporary file, then rename). */
    public void write(Path file) {
        ManifestCodec.write(this, file);
    }

    public Optional<ManifestEntry> get(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** Every entry, parents before children (component-wise path order). */
    public Collection<ManifestEntry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public TreeIdentity identity() {
        return identity;
    }

    public Instant scanStarted() {
        return scanStarted;
    }

    /** Total content bytes of the regular files. */
    public long contentBytes() {
        return entries.values().stream().filter(e -> e.type() == EntryType.FILE).mapToLong(ManifestEntry::size).sum();
    }

    /** Every path strictly below {@code dir}, parents first. */
    public List<ManifestEntry> descendants(String dir) {
        if (dir.equals(TreePaths.ROOT)) {
            return List.copyOf(entries.tailMap(dir, false).values());
        }
        // In component order the descendants of a directory directly follow it.
        String prefix = dir + "/";
        List<ManifestEntry> result = new ArrayList<>();
        for (ManifestEntry e : entries.tailMap(dir, false).values()) {
            if (!e.path().startsWith(prefix)) {
                break;
            }
            result.add(e);
        }
        return result;
    }

    /**
     * The other names of {@code path}'s inode in this tree, {@code path} included, sorted; a single
     * element when the file is not hard-linked within the tree.
     */
    public List<String> linkGroup(String path) {
        ManifestEntry e = entries.get(path);
        if (e == null || !e.isHardLinked()) {
            return List.of(path);
        }
        return linkGroups.getOrDefault(e.inode(), List.of(path));
    }

    /**
     * The paths at which {@code other} describes a different tree: present in only one, or
     * different in type, mode, owner, size, content, link target, device numbers, xattrs or hard-link
     * partners; mtimes too when {@code compareMtimes}. Inodes and change times never count. A tree
     * re-created by applying its layers equals the original but for mtimes, which a layer keeps
     * in whole seconds and clamps to {@code SOURCE_DATE_EPOCH}.
     */
    public List<String> differences(TreeManifest other, boolean compareMtimes) {
        List<String> result = new ArrayList<>();
        for (ManifestEntry e : entries.values()) {
            ManifestEntry o = other.entries.get(e.path());
            if (o == null) {
                result.add(e.path());
                continue;
            }
            ManifestEntry aligned = compareMtimes ? o : new ManifestEntry(o.path(), o.type(), o.mode(), o.uid(), o.gid(),
                    e.mtime(), o.size(), o.linkTarget(), o.inode(), o.linkCount(), o.devMajor(), o.devMinor(),
                    o.xattrs(), o.sha256(), o.ctime());
            if (!e.sameAs(aligned) || !linkGroup(e.path()).equals(other.linkGroup(e.path()))) {
                result.add(e.path());
            }
        }
        for (String path : other.entries.keySet()) {
            if (!entries.containsKey(path)) {
                result.add(path);
            }
        }
        result.sort(TreePaths.PARENTS_FIRST);
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeManifest m && m.entries.equals(entries) && java.util.Objects.equals(m.identity, identity)
                && m.scanStarted.equals(scanStarted);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "TreeManifest[" + entries.size() + " entries, " + contentBytes() + " bytes]";
    }
}
