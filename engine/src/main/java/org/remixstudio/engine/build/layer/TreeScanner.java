package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;
import org.remixstudio.engine.tree.Xattr;

/**
 * Scans a directory tree into a {@link TreeManifest}, never following a symbolic link and never
 * leaving the root's file system (a file system mounted inside the tree is an error: its contents
 * are not part of the image). Every regular file is hashed with SHA-256, except when the previous
 * manifest of the same tree proves the content unchanged:
 *
 * <p><b>Hash re-use.</b> A hash is copied from the previous manifest only when the previous scan was
 * of the same directory (same device and root inode) and the file has the same inode, size, mtime
 * and change time, and that change time lies more than {@link #RACY_MARGIN} before the previous scan
 * began. The kernel sets a file's change time to the current time on every write, truncate, rename
 * onto it or {@code utimes}, and no system call can set it back; so an unchanged change time older than
 * the scan means nobody touched the inode since before its content was read. The margin covers the
 * coarse kernel clock and files written while the previous scan ran ("racily clean" files, as git
 * calls them), which are hashed again. A new file that re-uses a freed inode number has a new
 * change time, so it is hashed too. The rule fails only if the system clock is stepped back.
 */
public final class TreeScanner {

    /** Files changed less than this before the previous scan began are always hashed again. */
    public static final Duration RACY_MARGIN = Duration.ofSeconds(2);

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final String ATTRIBUTES = "unix:mode,ino,dev,nlink,rdev,uid,gid,size,lastModifiedTime,ctime";
    private static final int PROGRESS_EVERY = 1000;

    /** Scans without a previous manifest: every file is hashed. */
    public TreeScan scan(Path root) {
        return scan(root, null, event -> { });
    }

    public TreeScan scan(Path root, TreeManifest previous) {
        return scan(root, previous, event -> { });
    }

    /**
     * @param root     the tree's root directory (itself not a symbolic link)
     * @param previous an earlier manifest of the same directory whose hashes may be re-used, or {@code null}
     * @param progress receives {@code scan} events counting entries
     * @throws EngineException       when the tree cannot be read, holds a mount point, or changes while it is read
     * @throws CancellationException when the thread is interrupted
     */
    public TreeScan scan(Path root, TreeManifest previous, Consumer<ProgressEvent> progress) {
        long started = System.nanoTime();
        Instant scanStarted = Instant.now();
        Run run;
        try {
            Map<String, Object> rootAttrs = Files.readAttributes(root, ATTRIBUTES, NOFOLLOW);
            if (((Integer) rootAttrs.get("mode") & 0170000) != 0040000) {
                throw new EngineException("cannot scan " + root + ": it is not a directory (symbolic links are not followed)");
            }
            TreeIdentity identity = new TreeIdentity((Long) rootAttrs.get("dev"), (Long) rootAttrs.get("ino"));
            boolean reuse = previous != null && identity.equals(previous.identity());
            run = new Run(root, identity, reuse ? previous : null, progress);
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    run.visit(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    run.visit(file);
                    return FileVisitResult.CONTINUE;
                }
            });
            TreeManifest manifest = new TreeManifest(run.entries, identity, scanStarted);
            progress.accept(new ProgressEvent("scan", root.toString(), run.entries.size(), run.entries.size(),
                    ProgressEvent.Unit.ITEMS));
            return new TreeScan(manifest, run.hashedFiles, run.hashedBytes, run.reused, run.sockets,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new EngineException("cannot scan tree " + root + ": " + e, e);
        }
    }

    /**
     * The manifest of a tree that differs from {@code previous}, a scan of the same directory, only in
     * {@code changed} paths and their parent directories: those are read again, every other entry is
     * taken over. For a step that makes known entries (the base layer's device nodes), where a scan of
     * the whole tree would cost a third of a second. The result keeps the previous scan's start time, so
     * the hash re-use rule stays as strict for the entries taken over.
     *
     * @throws IllegalArgumentException when {@code previous} is not a scan of this directory
     */
    public TreeManifest update(Path root, TreeManifest previous, Collection<String> changed) {
        try {
            Map<String, Object> rootAttrs = Files.readAttributes(root, "unix:dev,ino", NOFOLLOW);
            TreeIdentity identity = new TreeIdentity((Long) rootAttrs.get("dev"), (Long) rootAttrs.get("ino"));
            if (!identity.equals(previous.identity())) {
                throw new IllegalArgumentException(root + " is not the directory the previous manifest was made of");
            }
            Set<String> paths = new TreeSet<>(TreePaths.PARENTS_FIRST);
            paths.add(TreePaths.ROOT);
            for (String p : changed) {
                paths.addAll(TreePaths.ancestors(p));
                paths.add(p);
            }
            Run run = new Run(root, identity, previous, event -> { });
            Map<String, ManifestEntry> merged = new HashMap<>();
            previous.entries().forEach(e -> merged.put(e.path(), e));
            for (String p : paths) {
                Path path = p.equals(TreePaths.ROOT) ? root : root.resolve(p);
                merged.remove(p);
                if (Files.exists(path, NOFOLLOW)) {
                    run.visit(path);
                }
            }
            run.entries.forEach(e -> merged.put(e.path(), e));
            return new TreeManifest(merged.values(), identity, previous.scanStarted());
        } catch (IOException e) {
            throw new EngineException("cannot scan tree " + root + ": " + e, e);
        }
    }

    /** The state of one scan. */
    private static final class Run {
        final Path root;
        final TreeIdentity identity;
        final TreeManifest previous;
        final Consumer<ProgressEvent> progress;
        final List<ManifestEntry> entries = new ArrayList<>();
        final List<String> sockets = new ArrayList<>();
        final MessageDigest sha = sha256();
        final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        /** Hashes of hard-linked inodes met in this scan, so each inode is read once. */
        final Map<Long, String> linkedHashes = new HashMap<>();
        long hashedFiles;
        long hashedBytes;
        long reused;

        Run(Path root, TreeIdentity identity, TreeManifest previous, Consumer<ProgressEvent> progress) {
            this.root = root;
            this.identity = identity;
            this.previous = previous;
            this.progress = progress;
        }

        void visit(Path path) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("scanning " + root + " was cancelled");
            }
            String rel = path.equals(root) ? TreePaths.ROOT : root.relativize(path).toString();
            Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, NOFOLLOW);
            if ((Long) a.get("dev") != identity.device()) {
                throw new EngineException("tree " + root + " has another file system mounted at '" + rel
                        + "'; unmount it before the tree is scanned, its contents are not part of the image");
            }
            int rawMode = (Integer) a.get("mode");
            int mode = rawMode & TreeEntry.MODE_MASK;
            long uid = ((Integer) a.get("uid")) & 0xffffffffL;
            long gid = ((Integer) a.get("gid")) & 0xffffffffL;
            Instant mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
            Instant ctime = ((FileTime) a.get("ctime")).toInstant();
            long inode = (Long) a.get("ino");
            int links = (Integer) a.get("nlink");
            long rdev = (Long) a.get("rdev");
            ManifestEntry entry = switch (rawMode & 0170000) {
                case 0040000 -> new ManifestEntry(rel, EntryType.DIRECTORY, mode, uid, gid, mtime, 0, "", inode, links,
                        0, 0, xattrs(path), "", ctime);
                case 0120000 -> new ManifestEntry(rel, EntryType.SYMLINK, mode, uid, gid, mtime, 0,
                        Files.readSymbolicLink(path).toString(), inode, links, 0, 0, List.of(), "", ctime);
                case 0020000, 0060000 -> new ManifestEntry(rel, (rawMode & 0170000) == 0020000
                        ? EntryType.CHAR_DEVICE : EntryType.BLOCK_DEVICE, mode, uid, gid, mtime, 0, "", inode, links,
                        DeviceNumbers.major(rdev), DeviceNumbers.minor(rdev), List.of(), "", ctime);
                case 0010000 -> new ManifestEntry(rel, EntryType.FIFO, mode, uid, gid, mtime, 0, "", inode, links, 0, 0,
                        List.of(), "", ctime);
                case 0100000 -> {
                    long size = (Long) a.get("size");
                    String hash = links > 1 ? linkedHashes.get(inode) : null;
                    if (hash == null) {
                        hash = reusableHash(rel, inode, size, mtime, ctime);
                    }
                    if (hash == null) {
                        hash = hash(path, rel, size);
                    }
                    if (links > 1) {
                        linkedHashes.putIfAbsent(inode, hash);
                    }
                    yield new ManifestEntry(rel, EntryType.FILE, mode, uid, gid, mtime, size, "", inode, links, 0, 0,
                            xattrs(path), hash, ctime);
                }
                default -> null;
            };
            if (entry == null) {
                sockets.add(rel);
                return;
            }
            entries.add(entry);
            if (entries.size() % PROGRESS_EVERY == 0) {
                progress.accept(new ProgressEvent("scan", rel, entries.size(), -1, ProgressEvent.Unit.ITEMS));
            }
        }

        private String reusableHash(String rel, long inode, long size, Instant mtime, Instant ctime) {
            if (previous == null) {
                return null;
            }
            ManifestEntry p = previous.get(rel).orElse(null);
            if (p == null || p.type() != EntryType.FILE || p.inode() != inode || p.size() != size
                    || !p.mtime().equals(mtime) || !p.ctime().equals(ctime)
                    || !ctime.isBefore(previous.scanStarted().minus(RACY_MARGIN))) {
                return null;
            }
            reused++;
            return p.sha256();
        }

        private String hash(Path path, String rel, long size) throws IOException {
            sha.reset();
            long read = 0;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, NOFOLLOW)) {
                while (true) {
                    buffer.clear();
                    int n = ch.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    buffer.flip();
                    sha.update(buffer);
                    read += n;
                }
            }
            if (read != size) {
                throw new EngineException("file '" + rel + "' in " + root + " changed size while it was scanned ("
                        + size + " then " + read + " bytes); nothing may write to the tree while it is scanned");
            }
            hashedFiles++;
            hashedBytes += read;
            return HexFormat.of().formatHex(sha.digest());
        }

        private static List<Xattr> xattrs(Path path) throws IOException {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class, NOFOLLOW);
            if (view == null) {
                return List.of();
            }
            List<String> names = view.list();
            if (names.isEmpty()) {
                return List.of();
            }
            List<Xattr> result = new ArrayList<>(names.size());
            for (String name : names) {
                ByteBuffer value = ByteBuffer.allocate(view.size(name));
                view.read(name, value);
                result.add(new Xattr("user." + name, value.array()));
            }
            return result;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
