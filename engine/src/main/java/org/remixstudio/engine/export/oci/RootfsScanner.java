package org.remixstudio.engine.export.oci;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.Xattr;

/**
 * Reads a root filesystem directory back into layer entries, so an assembled tree can be written
 * with {@link LayerTarWriter} (as an image layer, or uncompressed as a plain rootfs tar). Numeric
 * owners, modes (setuid, setgid, sticky included), mtimes, symlink targets, device numbers and hard
 * links (same inode) are taken from disk; user and group names come from the tree's own
 * {@code etc/passwd} and {@code etc/group}, never from the host. Symbolic links are never followed.
 *
 * <p>Known limits, both from what Java can see: sockets are skipped (tar cannot hold them), and only
 * {@code user.*} extended attributes are read, so a {@code security.capability} set on disk is lost;
 * callers that need capabilities add them to the entries themselves.
 */
public final class RootfsScanner {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    /** Lists every path below {@code root} (the root itself excluded) as a layer entry. */
    public List<LayerEntry> scan(Path root) {
        Map<Long, String> users = names(root.resolve("etc/passwd"));
        Map<Long, String> groups = names(root.resolve("etc/group"));
        Map<String, String> firstPathOfInode = new HashMap<>();
        List<LayerEntry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root)) {
                        add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    add(file);
                    return FileVisitResult.CONTINUE;
                }

                private void add(Path path) throws IOException {
                    LayerEntry entry = entryFor(root, path, users, groups, firstPathOfInode);
                    if (entry != null) {
                        entries.add(entry);
                    }
                }
            });
        } catch (IOException e) {
            throw new EngineException("cannot read root filesystem " + root + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private static LayerEntry entryFor(Path root, Path path, Map<Long, String> users, Map<Long, String> groups,
                                       Map<String, String> firstPathOfInode) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid,ino,dev,nlink,rdev,lastModifiedTime",
                NOFOLLOW);
        int rawMode = (Integer) unix.get("mode");
        int format = rawMode & 0170000;
        String rel = root.relativize(path).toString();
        long uid = ((Integer) unix.get("uid")) & 0xffffffffL;
        long gid = ((Integer) unix.get("gid")) & 0xffffffffL;
        var mtime = ((java.nio.file.attribute.FileTime) unix.get("lastModifiedTime")).toInstant();
        int mode = rawMode & TreeEntry.MODE_MASK;
        String uname = users.getOrDefault(uid, "");
        String gname = groups.getOrDefault(gid, "");
        long rdev = (Long) unix.get("rdev");
        TreeEntry entry = switch (format) {
            case 0040000 -> new TreeEntry(rel, EntryType.DIRECTORY, mode, uid, gid, uname, gname, mtime, 0, "", 0, 0,
                    xattrs(path));
            case 0120000 -> new TreeEntry(rel, EntryType.SYMLINK, mode, uid, gid, uname, gname, mtime, 0,
                    Files.readSymbolicLink(path).toString(), 0, 0, List.of());
            case 0020000, 0060000 -> new TreeEntry(rel, format == 0020000 ? EntryType.CHAR_DEVICE : EntryType.BLOCK_DEVICE,
                    mode, uid, gid, uname, gname, mtime, 0, "", major(rdev), minor(rdev), List.of());
            case 0010000 -> new TreeEntry(rel, EntryType.FIFO, mode, uid, gid, uname, gname, mtime, 0, "", 0, 0, List.of());
            case 0100000 -> {
                String inode = unix.get("dev") + ":" + unix.get("ino");
                String first = (Integer) unix.get("nlink") > 1 ? firstPathOfInode.putIfAbsent(inode, rel) : null;
                yield first != null
                        ? new TreeEntry(rel, EntryType.HARDLINK, mode, uid, gid, uname, gname, mtime, 0, first, 0, 0, List.of())
                        : new TreeEntry(rel, EntryType.FILE, mode, uid, gid, uname, gname, mtime, Files.size(path), "",
                        0, 0, xattrs(path));
            }
            default -> null; // sockets cannot be stored in a tar
        };
        if (entry == null) {
            return null;
        }
        return entry.type() == EntryType.FILE ? new LayerEntry(entry, ContentSource.of(path)) : LayerEntry.of(entry);
    }

    private static List<Xattr> xattrs(Path path) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class, NOFOLLOW);
        if (view == null) {
            return List.of();
        }
        List<Xattr> result = new ArrayList<>();
        for (String name : view.list()) {
            ByteBuffer value = ByteBuffer.allocate(view.size(name));
            view.read(name, value);
            result.add(new Xattr("user." + name, value.array()));
        }
        return result;
    }

    /** Linux {@code dev_t} encoding, as glibc's {@code gnu_dev_major}/{@code gnu_dev_minor} decode it. */
    static int major(long rdev) {
        return (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    }

    static int minor(long rdev) {
        return (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    }

    /** uid or gid → name from a passwd/group file of the tree itself; the first line for an id wins. */
    private static Map<Long, String> names(Path file) {
        Map<Long, String> names = new HashMap<>();
        if (!Files.isRegularFile(file, NOFOLLOW)) {
            return names;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 3 && !fields[0].isEmpty()) {
                    try {
                        names.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
                    } catch (NumberFormatException ignored) {
                        // a malformed line names nobody
                    }
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return names;
    }
}
