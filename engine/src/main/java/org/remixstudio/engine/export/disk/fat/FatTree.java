package org.remixstudio.engine.export.disk.fat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import org.remixstudio.engine.export.oci.ContentSource;

/**
 * The files and directories to put on a FAT volume, by path ({@code EFI/BOOT/BOOTX64.EFI}); parent
 * directories are made as needed. FAT names are case-insensitive, so two names that differ only in
 * case are refused; entries are written in case-insensitive name order, whatever order they were
 * added in.
 */
public final class FatTree {

    /** A file or directory in the tree. */
    static final class Node {
        final String name;
        final String path;
        final boolean directory;
        final long size;
        final ContentSource content;
        /** Children by upper-case name: FAT's case-insensitive uniqueness and a stable order. */
        final TreeMap<String, Node> children = new TreeMap<>();

        Node(String name, String path, boolean directory, long size, ContentSource content) {
            this.name = name;
            this.path = path;
            this.directory = directory;
            this.size = size;
            this.content = content;
        }

        Collection<Node> children() {
            return children.values();
        }
    }

    /** A file may be at most 4 GiB - 1 bytes: the directory entry's size field is 32 bits. */
    public static final long MAX_FILE_SIZE = 0xFFFFFFFFL;

    private final Node root = new Node("", "/", true, 0, null);

    /** Adds a directory (and its parents). */
    public FatTree directory(String path) {
        walk(path);
        return this;
    }

    /** Adds a file of {@code size} bytes whose content {@code content} yields when opened. */
    public FatTree file(String path, long size, ContentSource content) {
        Objects.requireNonNull(content, "content");
        if (size < 0 || size > MAX_FILE_SIZE) {
            throw new IllegalArgumentException("file '" + path + "' of " + size
                    + " bytes does not fit FAT32, whose files are at most 4 GiB - 1 bytes");
        }
        String[] parts = split(path);
        if (parts.length == 0) {
            throw new IllegalArgumentException("a file in the FAT volume needs a name; the path is empty");
        }
        Node parent = walk(String.join("/", java.util.Arrays.copyOf(parts, parts.length - 1)));
        add(parent, parts[parts.length - 1], false, size, content);
        return this;
    }

    public FatTree file(String path, byte[] content) {
        return file(path, content.length, ContentSource.of(content));
    }

    /** Adds a file with the content of {@code source} on disk. */
    public FatTree file(String path, Path source) throws IOException {
        return file(path, Files.size(source), ContentSource.of(source));
    }

    Node root() {
        return root;
    }

    private Node walk(String path) {
        Node dir = root;
        for (String part : split(path)) {
            Node child = dir.children.get(key(part));
            if (child == null) {
                child = add(dir, part, true, 0, null);
            } else if (!child.directory) {
                throw new IllegalArgumentException("'" + child.path + "' is a file, so '" + path
                        + "' cannot be a directory in the FAT volume");
            } else if (!child.name.equals(part)) {
                throw clash(child, part);
            }
            dir = child;
        }
        return dir;
    }

    private Node add(Node parent, String name, boolean directory, long size, ContentSource content) {
        String path = parent == root ? name : parent.path + "/" + name;
        ShortNames.checkLongName(name, path);
        Node existing = parent.children.get(key(name));
        if (existing != null) {
            throw existing.name.equals(name)
                    ? new IllegalArgumentException("'" + path + "' is added twice to the FAT volume")
                    : clash(existing, name);
        }
        Node node = new Node(name, path, directory, size, content);
        parent.children.put(key(name), node);
        return node;
    }

    private static IllegalArgumentException clash(Node existing, String name) {
        return new IllegalArgumentException("'" + name + "' and '" + existing.path
                + "' differ only in case, which FAT cannot tell apart; rename one of them");
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static String[] split(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
