package org.remixstudio.engine.build.layer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;
import org.remixstudio.engine.tree.Xattr;

/**
 * One path of a scanned tree as it was on disk: what a layer needs to carry (type, mode, numeric
 * owner, mtime, size, link target, device numbers, extended attributes, content hash) plus what
 * only the scanner needs (inode, link count, change time) to find hard links and to re-use a
 * content hash safely. A manifest never holds {@link EntryType#HARDLINK}: every name of a
 * hard-linked file is a {@link EntryType#FILE} sharing one {@code inode}.
 *
 * @param path      normalized tree path, {@code "."} for the root
 * @param type      file, directory, symlink, character or block device, FIFO
 * @param mode      permission bits including setuid, setgid and sticky
 * @param uid       numeric owner
 * @param gid       numeric group
 * @param mtime     modification time, nanosecond precision as the file system keeps it
 * @param size      content length of a regular file, 0 otherwise
 * @param linkTarget symbolic link target exactly as stored, {@code ""} otherwise
 * @param inode     inode number ({@code unix:ino}); identifies hard links within one scan
 * @param linkCount {@code unix:nlink}
 * @param devMajor  device major number of a device node, else 0
 * @param devMinor  device minor number of a device node, else 0
 * @param xattrs    extended attributes that could be read ({@code user.*}), sorted by name
 * @param sha256    lowercase hex SHA-256 of a regular file's content, {@code ""} for other types
 * @param ctime     inode change time ({@code unix:ctime}); only used to decide whether a hash can be re-used
 */
public record ManifestEntry(String path, EntryType type, int mode, long uid, long gid, Instant mtime, long size,
                            String linkTarget, long inode, int linkCount, int devMajor, int devMinor,
                            List<Xattr> xattrs, String sha256, Instant ctime) {

    public ManifestEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(ctime, "ctime");
        linkTarget = linkTarget == null ? "" : linkTarget;
        sha256 = sha256 == null ? "" : sha256;
        xattrs = xattrs == null ? List.of() : xattrs.stream().sorted().toList();
        if (type == EntryType.HARDLINK) {
            throw new IllegalArgumentException(path + ": a manifest lists every name of a hard link as a file");
        }
        if (!TreePaths.normalize(path).equals(path)) {
            throw new IllegalArgumentException("tree path '" + path + "' is not normalized");
        }
        if (type == EntryType.FILE ? sha256.length() != 64 : !sha256.isEmpty()) {
            throw new IllegalArgumentException(path + ": " + (type == EntryType.FILE
                    ? "a regular file needs a SHA-256" : type + " has no content hash"));
        }
        if ((type == EntryType.SYMLINK) == linkTarget.isEmpty()) {
            throw new IllegalArgumentException(path + ": only a symbolic link has a link target");
        }
        if (type != EntryType.FILE && size != 0) {
            throw new IllegalArgumentException(path + ": only regular files have a size");
        }
    }

    /**
     * Whether this entry and {@code other} would be written identically into a layer: everything
     * but the inode, the link count and the change time, which say where the entry lives, not what it is.
     */
    public boolean sameAs(ManifestEntry other) {
        return type == other.type && mode == other.mode && uid == other.uid && gid == other.gid
                && mtime.equals(other.mtime) && size == other.size && linkTarget.equals(other.linkTarget)
                && devMajor == other.devMajor && devMinor == other.devMinor && xattrs.equals(other.xattrs)
                && sha256.equals(other.sha256);
    }

    /** Whether another name may share this entry's inode (a regular file linked more than once). */
    public boolean isHardLinked() {
        return type == EntryType.FILE && linkCount > 1;
    }

    /** The entry as a layer writes it, with user and group names taken from the tree's own databases. */
    public TreeEntry toTreeEntry(String uname, String gname) {
        return new TreeEntry(path, type, mode, uid, gid, uname, gname, mtime, size, linkTarget, devMajor, devMinor,
                xattrs);
    }
}
