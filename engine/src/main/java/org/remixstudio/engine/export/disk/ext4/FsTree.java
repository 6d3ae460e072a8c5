package org.remixstudio.engine.export.disk.ext4;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * The input tree checked and shaped for ext4: one node per inode (hard links become extra directory
 * entries for their target's node), children sorted by name bytes, parents the input omitted made
 * as plain root-owned 0755 directories, a {@code lost+found} (inode 11) added when missing, and inode
 * numbers assigned in a depth-first walk so the output does not depend on the input's order.
 */
final class FsTree {

    static final int ROOT_INODE = 2;
    static final int LOST_FOUND_INODE = 11;
    static final int FIRST_FREE_INODE = 12;
    private static final String LOST_FOUND = "lost+found";
    /** Longest symlink target: it must fit one block with its terminating NUL (ext4 namei.c). */
    static final int MAX_SYMLINK = 4095;
    /** Above this many links ext4 ({@code dir_nlink}) records 1 for a directory; files cannot go beyond it. */
    static final int LINK_MAX = 65000;

    /** One inode to be: the entry that describes it, and for a directory its children. */
    static final class Node {
        TreeEntry entry;
        /** Made for a child's sake, not (yet) described by an entry of its own. */
        boolean implicit;
        final List<Child> children = new ArrayList<>();
        Node parent;
        int inode;
        int links;
        int subdirectories;

        Node(TreeEntry entry) {
            this.entry = entry;
        }

        boolean isDirectory() {
            return entry.type() == EntryType.DIRECTORY;
        }
    }

    /** A directory entry: a name and the node it names. */
    record Child(byte[] name, Node node) {
    }

    private final Node root;
    private final List<Node> inodeOrder;

    private FsTree(Node root, List<Node> inodeOrder) {
        this.root = root;
        this.inodeOrder = inodeOrder;
    }

    Node root() {
        return root;
    }

    /** Every node, in inode-number order: root (2), lost+found (11), then 12, 13, ... */
    List<Node> nodes() {
        return inodeOrder;
    }

    int highestInode() {
        return inodeOrder.get(inodeOrder.size() - 1).inode;
    }

    static FsTree build(Collection<TreeEntry> entries, Instant implicitTime) {
        Map<String, Node> nodes = new HashMap<>();
        Map<String, String> linkTargets = new HashMap<>();
        List<TreeEntry> hardlinks = new ArrayList<>();
        Node root = new Node(TreeEntry.directory(TreePaths.ROOT, 0755, implicitTime));
        root.implicit = true;
        root.parent = root;
        nodes.put(TreePaths.ROOT, root);
        for (TreeEntry e : entries) {
            String path = e.path();
            Node existing = nodes.get(path);
            if (linkTargets.containsKey(path) || existing != null && !existing.implicit) {
                throw new EngineException("tree path '" + path + "' appears twice; give each path once");
            }
            if (e.type() == EntryType.HARDLINK) {
                if (existing != null) {
                    throw new EngineException("tree path '" + path + "' is a hard link but also holds other entries");
                }
                hardlinks.add(e);
                linkTargets.put(path, e.linkTarget());
            } else if (existing != null) {
                // a directory made for an earlier child, now described by its own entry
                if (e.type() != EntryType.DIRECTORY) {
                    throw new EngineException("tree path '" + path + "' is a " + e.type()
                            + " but other entries lie inside it; only a directory can hold entries");
                }
                existing.entry = e;
                existing.implicit = false;
            } else {
                attach(nodes, path, new Node(e), implicitTime);
            }
        }
        if (!nodes.containsKey(LOST_FOUND)) {
            attach(nodes, LOST_FOUND, new Node(TreeEntry.directory(LOST_FOUND, 0700, implicitTime)), implicitTime);
        }
        Node lostFound = nodes.get(LOST_FOUND);
        if (!lostFound.isDirectory()) {
            throw new EngineException("tree path 'lost+found' must be a directory (ext4 reserves it), not "
                    + lostFound.entry.type());
        }
        for (TreeEntry link : hardlinks) {
            if (nodes.containsKey(link.path())) {
                throw new EngineException("tree path '" + link.path() + "' is a hard link but other entries lie inside it");
            }
            String targetPath = link.linkTarget();
            for (int hops = 0; linkTargets.containsKey(targetPath) && hops <= linkTargets.size(); hops++) {
                targetPath = linkTargets.get(targetPath);
            }
            Node target = nodes.get(targetPath);
            if (target == null) {
                throw new EngineException("hard link '" + link.path() + "' points to '" + link.linkTarget()
                        + "', which is not in the tree");
            }
            if (target.isDirectory()) {
                throw new EngineException("hard link '" + link.path() + "' points to directory '"
                        + link.linkTarget() + "'; directories cannot be hard-linked");
            }
            Node parent = parentOf(nodes, link.path(), implicitTime);
            parent.children.add(new Child(nameBytes(link.path()), target));
        }
        List<Node> order = new ArrayList<>();
        root.inode = ROOT_INODE;
        order.add(root);
        lostFound.inode = LOST_FOUND_INODE;
        order.add(lostFound);
        int[] next = {FIRST_FREE_INODE};
        number(root, order, next);
        return new FsTree(root, order);
    }

    private static void attach(Map<String, Node> nodes, String path, Node node, Instant implicitTime) {
        Node parent = parentOf(nodes, path, implicitTime);
        parent.children.add(new Child(nameBytes(path), node));
        node.parent = parent;
        nodes.put(path, node);
        TreeEntry e = node.entry;
        if (e.type() == EntryType.SYMLINK && e.linkTarget().getBytes(StandardCharsets.UTF_8).length > MAX_SYMLINK) {
            throw new EngineException("symlink '" + path + "' has a target longer than " + MAX_SYMLINK
                    + " bytes, which ext4 cannot store");
        }
    }

    private static Node parentOf(Map<String, Node> nodes, String path, Instant implicitTime) {
        String parentPath = TreePaths.parent(path);
        Node parent = nodes.get(parentPath);
        if (parent == null) {
            parent = new Node(TreeEntry.directory(parentPath, 0755, implicitTime));
            parent.implicit = true;
            attach(nodes, parentPath, parent, implicitTime);
        }
        if (!parent.isDirectory()) {
            throw new EngineException("tree path '" + path + "' is inside '" + parentPath + "', which is a "
                    + parent.entry.type() + ", not a directory");
        }
        return parent;
    }

    private static byte[] nameBytes(String path) {
        byte[] name = TreePaths.name(path).getBytes(StandardCharsets.UTF_8);
        if (name.length > 255) {
            throw new EngineException("tree path '" + path + "' has a name longer than 255 bytes, which ext4 cannot store");
        }
        return name;
    }

    /** Depth-first, children by name bytes; counts links and subdirectories on the way. */
    private static void number(Node dir, List<Node> order, int[] next) {
        dir.children.sort((a, b) -> Arrays.compareUnsigned(a.name(), b.name()));
        dir.links = 2;
        for (Child c : dir.children) {
            Node n = c.node();
            if (n.isDirectory()) {
                dir.subdirectories++;
            }
            n.links++;
            if (n.inode == 0) {
                n.inode = next[0]++;
                order.add(n);
            }
            if (n.links > LINK_MAX && !n.isDirectory()) {
                throw new EngineException("file '" + n.entry.path() + "' has more than " + LINK_MAX
                        + " hard links, which ext4 cannot record");
            }
        }
        dir.links += dir.subdirectories;
        for (Child c : dir.children) {
            if (c.node().isDirectory()) {
                number(c.node(), order, next);
            }
        }
    }
}
