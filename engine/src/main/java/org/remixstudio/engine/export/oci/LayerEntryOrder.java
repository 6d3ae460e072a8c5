package org.remixstudio.engine.export.oci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * The order of a layer's entries ({@link LayerTarWriter}): component by component so parents come
 * first, within a directory the opaque whiteout, then explicit whiteouts, then the rest by name (OCI
 * layer.md, "Whiteouts"); hard links re-rooted so each follows the entry that carries its content.
 * Refuses a path listed twice, a misused whiteout prefix and a hard link to nothing in the layer.
 */
final class LayerEntryOrder {

    private LayerEntryOrder() {
    }

    /** Sorts, checks and re-roots hard-link groups so every link follows its content. */
    static List<LayerEntry> order(List<LayerEntry> entries, Path target) {
        Map<String, LayerEntry> byPath = new HashMap<>();
        for (LayerEntry e : entries) {
            String path = e.entry().path();
            if (byPath.put(path, e) != null) {
                throw new EngineException("layer " + target + ": path '" + path + "' is listed twice");
            }
            String name = TreePaths.name(path);
            if (name.startsWith(LayerEntry.WHITEOUT_PREFIX) && (!e.isWhiteout() || e.entry().size() != 0)) {
                throw new EngineException("layer " + target + ": '" + path + "' uses the reserved whiteout prefix '"
                        + LayerEntry.WHITEOUT_PREFIX + "' (OCI layer.md) but is not an empty whiteout file");
            }
        }
        List<LayerEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(e -> e.entry().path(), LayerEntryOrder::compareLayerPaths));

        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (LayerEntry e : sorted) {
            if (e.entry().type() == EntryType.HARDLINK) {
                String root = e.entry().linkTarget();
                int hops = 0;
                while (byPath.containsKey(root) && byPath.get(root).entry().type() == EntryType.HARDLINK && hops++ < 64) {
                    root = byPath.get(root).entry().linkTarget();
                }
                LayerEntry file = byPath.get(root);
                if (file == null || file.entry().type() == EntryType.DIRECTORY || file.entry().type() == EntryType.HARDLINK) {
                    throw new EngineException("layer " + target + ": hard link '" + e.entry().path() + "' points at '"
                            + e.entry().linkTarget() + "', which is not a file in this layer");
                }
                groups.computeIfAbsent(root, k -> new ArrayList<>(List.of(k))).add(e.entry().path());
            }
        }
        Map<String, LayerEntry> replaced = new HashMap<>();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            LayerEntry file = byPath.get(group.getKey());
            String first = group.getValue().stream().min(LayerEntryOrder::compareLayerPaths).orElseThrow();
            for (String member : group.getValue()) {
                TreeEntry f = file.entry();
                TreeEntry rewritten = member.equals(first)
                        ? new TreeEntry(member, f.type(), f.mode(), f.uid(), f.gid(), f.uname(), f.gname(), f.mtime(),
                        f.size(), "", f.devMajor(), f.devMinor(), f.xattrs())
                        : new TreeEntry(member, EntryType.HARDLINK, f.mode(), f.uid(), f.gid(), f.uname(), f.gname(),
                        f.mtime(), 0, first, 0, 0, List.of());
                replaced.put(member, new LayerEntry(rewritten, member.equals(first) ? file.content() : null));
            }
        }
        List<LayerEntry> result = new ArrayList<>(sorted.size());
        for (LayerEntry e : sorted) {
            result.add(replaced.getOrDefault(e.entry().path(), e));
        }
        return result;
    }

    /**
     * Component-wise path order where, among siblings, the opaque whiteout comes first, then explicit
     * whiteouts, then everything else by name.
     */
    static int compareLayerPaths(String a, String b) {
        List<String> ca = TreePaths.components(a);
        List<String> cb = TreePaths.components(b);
        for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
            String x = ca.get(i);
            String y = cb.get(i);
            int rank = Integer.compare(rank(x), rank(y));
            if (rank != 0) {
                return rank;
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ca.size(), cb.size());
    }

    private static int rank(String name) {
        if (name.equals(LayerEntry.OPAQUE_WHITEOUT)) {
            return 0;
        }
        return name.startsWith(LayerEntry.WHITEOUT_PREFIX) ? 1 : 2;
    }
}
