package org.remixstudio.engine.tree;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One path of a file tree with all the metadata a root filesystem needs, independent of where the
 * tree lives (a {@code data.tar}, a directory, an OCI layer). Ownership is the archive's numeric
 * uid/gid plus the names it recorded; it is never looked up on the host. Content is not part of the
 * record: readers hand it out as a stream next to the entry.
 *
 * @param path       normalized tree path (see {@link TreePaths}), {@code "."} for the root
 * @param type       what the entry is
 * @param mode       permission bits including setuid (04000), setgid (02000) and sticky (01000)
 * @param uid        numeric owner
 * @param gid        numeric group
 * @param uname      owner name as recorded by the archive, {@code ""} when absent
 * @param gname      group name as recorded by the archive, {@code ""} when absent
 * @param mtime      modification time
 * @param size       content length in bytes for {@link EntryType#FILE}, 0 for every other type
 * @param linkTarget symlink target exactly as written (may be absolute or relative), or for a hard
 *                   link the normalized tree path of the entry it links to; {@code ""} otherwise
 * @param devMajor   device major number for character and block devices, else 0
 * @param devMinor   device minor number for character and block devices, else 0
 * @param xattrs     extended attributes, sorted by name
 */
public record TreeEntry(String path, EntryType type, int mode, long uid, long gid, String uname, String gname,
                        Instant mtime, long size, String linkTarget, int devMajor, int devMinor, List<Xattr> xattrs) {

    /** The permission bits a mode may hold: rwx for user, group, other plus setuid, setgid, sticky. */
    public static final int MODE_MASK = 07777;

    public TreeEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
        uname = uname == null ? "" : uname;
        gname = gname == null ? "" : gname;
        linkTarget = linkTarget == null ? "" : linkTarget;
        if (!TreePaths.normalize(path).equals(path)) {
            throw new IllegalArgumentException("tree path '" + path + "' is not normalized");
        }
        if ((mode & ~MODE_MASK) != 0) {
            throw new IllegalArgumentException(path + ": mode " + Integer.toOctalString(mode) + " has bits outside 07777");
        }
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException(path + ": negative uid or gid");
        }
        if (type != EntryType.FILE && size != 0) {
            throw new IllegalArgumentException(path + ": only regular files have a size, not " + type);
        }
        if (size < 0) {
            throw new IllegalArgumentException(path + ": negative size");
        }
        boolean isLink = type == EntryType.SYMLINK || type == EntryType.HARDLINK;
        if (isLink == linkTarget.isEmpty()) {
            throw new IllegalArgumentException(path + ": " + (isLink ? "a link needs a target" : type + " has no link target"));
        }
        if (type == EntryType.HARDLINK && !TreePaths.normalize(linkTarget).equals(linkTarget)) {
            throw new IllegalArgumentException(path + ": hard link target '" + linkTarget + "' is not a normalized tree path");
        }
        if (!type.isDevice() && (devMajor != 0 || devMinor != 0)) {
            throw new IllegalArgumentException(path + ": only devices have major/minor numbers");
        }
        xattrs = xattrs == null ? List.of() : xattrs.stream().sorted().toList();
    }

    /** A regular file owned by root. */
    public static TreeEntry file(String path, int mode, long size, Instant mtime) {
        return new TreeEntry(path, EntryType.FILE, mode, 0, 0, "root", "root", mtime, size, "", 0, 0, List.of());
    }

    /** A directory owned by root. */
    public static TreeEntry directory(String path, int mode, Instant mtime) {
        return new TreeEntry(path, EntryType.DIRECTORY, mode, 0, 0, "root", "root", mtime, 0, "", 0, 0, List.of());
    }

    /** A symbolic link owned by root, mode 0777 as Linux reports for every symlink. */
    public static TreeEntry symlink(String path, String target, Instant mtime) {
        return new TreeEntry(path, EntryType.SYMLINK, 0777, 0, 0, "root", "root", mtime, 0, target, 0, 0, List.of());
    }

    /** A hard link to the earlier entry at {@code target}. */
    public static TreeEntry hardlink(String path, String target, int mode, Instant mtime) {
        return new TreeEntry(path, EntryType.HARDLINK, mode, 0, 0, "root", "root", mtime, 0, target, 0, 0, List.of());
    }

    /** A character or block device node, or a FIFO (with major/minor 0). */
    public static TreeEntry special(String path, EntryType type, int mode, int major, int minor, Instant mtime) {
        return new TreeEntry(path, type, mode, 0, 0, "root", "root", mtime, 0, "", major, minor, List.of());
    }

    public TreeEntry withOwner(long newUid, long newGid, String newUname, String newGname) {
        return new TreeEntry(path, type, mode, newUid, newGid, newUname, newGname, mtime, size, linkTarget,
                devMajor, devMinor, xattrs);
    }

    public TreeEntry withMtime(Instant newMtime) {
        return new TreeEntry(path, type, mode, uid, gid, uname, gname, newMtime, size, linkTarget,
                devMajor, devMinor, xattrs);
    }

    public TreeEntry withXattrs(List<Xattr> newXattrs) {
        return new TreeEntry(path, type, mode, uid, gid, uname, gname, mtime, size, linkTarget,
                devMajor, devMinor, newXattrs);
    }

    public boolean isRoot() {
        return path.equals(TreePaths.ROOT);
    }

    /** The mode as {@code ls -l} would print its permission part, e.g. {@code rwsr-xr-x}. */
    public String permissionString() {
        char[] out = "rwxrwxrwx".toCharArray();
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (0400 >> bit)) == 0) {
                out[bit] = '-';
            }
        }
        applySpecial(out, 2, (mode & 04000) != 0, 's');
        applySpecial(out, 5, (mode & 02000) != 0, 's');
        applySpecial(out, 8, (mode & 01000) != 0, 't');
        return new String(out);
    }

    private static void applySpecial(char[] out, int index, boolean set, char letter) {
        if (set) {
            out[index] = out[index] == '-' ? Character.toUpperCase(letter) : letter;
        }
    }
}
