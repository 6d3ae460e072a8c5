package org.remixstudio.engine.deb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;
import org.remixstudio.engine.tree.Xattr;

/**
 * Writes {@link TreeEntry} records into a target directory without ever letting a symbolic link
 * carry a write outside it. Every parent component is examined with {@code NOFOLLOW_LINKS}; a
 * symbolic link in a parent position is refused, or, with
 * {@link ExtractOptions#followDirectorySymlinks()}, resolved inside the target as if it were the
 * root; the final component is never followed: whatever non-directory sits there is unlinked and
 * the entry is created fresh ({@code CREATE_NEW}), so content is never written through a link.
 *
 * <p>Regular files, directories, symbolic links and hard links are created with the entry's mode
 * (setuid, setgid and sticky included), mtime and, when {@link ExtractOptions#applyOwnership()},
 * numeric uid/gid. Directory modes and mtimes are applied in {@link #finish()}, deepest first, so a
 * read-only directory does not block its own children and creating children does not disturb
 * mtimes. Device nodes and FIFOs are not created (Java has no {@code mknod}); they are listed in the
 * {@link ExtractionReport} for the layer writer, which can put them into an image without them ever
 * existing on disk. Several extractors may fill one target at the same time (one per package, as
 * the root filesystem builder does): a directory created concurrently by another is taken as it is.
 * The target is otherwise assumed not to be modified concurrently by another process.
 */
public final class TreeExtractor {

    private static final int MAX_SYMLINK_HOPS = 40;
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final ExtractOptions options;
    private final Map<Path, TreeEntry> deferredDirectories = new LinkedHashMap<>();
    private final List<TreeEntry> specialFiles = new ArrayList<>();
    private final List<String> unappliedXattrs = new ArrayList<>();
    /** Reused for every file's content: an extractor is confined to one thread. */
    private final byte[] buffer = new byte[1 << 16];
    private static final java.util.Set<java.nio.file.OpenOption> CREATE_FILE =
            java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
    private final Map<String, List<String>> resolvedParents = new java.util.HashMap<>();
    private long files;
    private long directories;
    private long symlinks;
    private long hardlinks;
    private long bytes;

    /**
     * @param target  an existing directory; it becomes the root of the extracted tree
     * @param options ownership and symlink policy
     */
    public TreeExtractor(Path target, ExtractOptions options) {
        try {
            this.root = target.toRealPath();
        } catch (IOException e) {
            throw new EngineException("extraction target " + target + " does not exist: create it first", e);
        }
        if (!Files.isDirectory(root)) {
            throw new EngineException("extraction target " + target + " is not a directory");
        }
        this.options = options;
    }

    /** Extracts every data entry of a package, then applies directory attributes. */
    public ExtractionReport extractAll(DebArchive deb) {
        try (DebDataReader reader = deb.openData()) {
            TreeEntry entry;
            while ((entry = reader.next()) != null) {
                extract(entry, reader.content(), deb.file().toString());
            }
        }
        return finish();
    }

    /**
     * Places one entry.
     *
     * @param entry   what to create
     * @param content exactly {@code entry.size()} bytes for a regular file; ignored otherwise
     * @param origin  where the entry comes from (a package file), named in error messages
     * @throws EngineException when the entry would leave the target or cannot be written
     */
    public void extract(TreeEntry entry, InputStream content, String origin) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("extraction into " + root + " was cancelled");
        }
        try {
            place(entry, content, origin);
        } catch (IOException e) {
            throw new EngineException(origin + ": cannot write '" + entry.path() + "' into " + root + ": " + e, e);
        }
    }

    /** Applies deferred directory modes and mtimes and reports what was written. */
    public ExtractionReport finish() {
        List<Map.Entry<Path, TreeEntry>> dirs = new ArrayList<>(deferredDirectories.entrySet());
        dirs.sort((a, b) -> Integer.compare(b.getKey().getNameCount(), a.getKey().getNameCount()));
        for (Map.Entry<Path, TreeEntry> dir : dirs) {
            try {
                applyAttributes(dir.getKey(), dir.getValue());
            } catch (IOException e) {
                throw new EngineException("cannot set the attributes of directory " + dir.getKey() + ": " + e, e);
            }
        }
        deferredDirectories.clear();
        return new ExtractionReport(files, directories, symlinks, hardlinks, bytes, specialFiles, unappliedXattrs);
    }

    private void place(TreeEntry entry, InputStream content, String origin) throws IOException {
        if (entry.isRoot()) {
            directories++;
            deferredDirectories.put(root, entry);
            return;
        }
        List<String> components = TreePaths.components(entry.path());
        List<String> parent = parentDirectory(components, entry, origin);
        Path dest = toPath(parent).resolve(components.get(components.size() - 1));
        if (entry.type() == EntryType.FILE) {
            placeFile(dest, entry, content, origin);
            return;
        }
        BasicFileAttributes existing = lstat(dest);
        switch (entry.type()) {
            case DIRECTORY -> {
                if (existing != null && existing.isSymbolicLink() && options.followDirectorySymlinks()) {
                    // merged /usr: the package ships ./bin/ while the tree has bin -> usr/bin; keep the link
                    resolveDirectory(components, false, entry, origin);
                    return;
                }
                if (existing == null || !existing.isDirectory()) {
                    removeNonDirectory(dest, existing, entry, origin);
                    createDirectoryShared(dest);
                }
                directories++;
                deferredDirectories.put(dest, entry);
                return;
            }
            case FILE -> throw new IllegalStateException("placed above");
            case SYMLINK -> {
                removeNonDirectory(dest, existing, entry, origin);
                Files.createSymbolicLink(dest, Path.of(entry.linkTarget()));
                symlinks++;
            }
            case HARDLINK -> {
                Path source = hardLinkSource(entry, origin);
                removeNonDirectory(dest, existing, entry, origin);
                Files.createLink(dest, source);
                hardlinks++;
            }
            case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> {
                specialFiles.add(entry);
                return;
            }
        }
        applyAttributes(dest, entry);
    }

    /**
     * The physical directory an entry goes into. Resolved parents are remembered: within one extraction
     * a directory stays a directory (replacing one is refused), so a package's thousands of entries
     * under the same few directories do not walk the path again each time.
     */
    private List<String> parentDirectory(List<String> components, TreeEntry entry, String origin) throws IOException {
        List<String> logical = components.subList(0, components.size() - 1);
        String key = String.join("/", logical);
        List<String> known = resolvedParents.get(key);
        if (known != null) {
            return known;
        }
        List<String> parent = resolveDirectory(logical, true, entry, origin);
        resolvedParents.put(key, parent);
        return parent;
    }

    /**
     * Writes a regular file. It is created exclusively and only replaces what is there when that
     * fails; when the creation mode can carry the entry's permissions exactly (no special bits, none
     * the umask would drop) and the owner already is right, no separate {@code chmod} and
     * {@code chown} calls are made: thousands of system calls fewer per package.
     */
    private void placeFile(Path dest, TreeEntry entry, InputStream content, String origin) throws IOException {
        boolean modeAtCreation = (entry.mode() & ~0777) == 0 && (entry.mode() & Umask.value()) == 0;
        java.nio.file.attribute.FileAttribute<?>[] attrs = modeAtCreation
                ? new java.nio.file.attribute.FileAttribute<?>[] {java.nio.file.attribute.PosixFilePermissions
                        .asFileAttribute(Umask.permissions(entry.mode()))}
                : new java.nio.file.attribute.FileAttribute<?>[0];
        // Packages unpacked in parallel into one tree may ship the same path (PackageUnpacker resolves
        // such overlaps afterwards and re-extracts the winner): the path can appear or vanish between
        // our calls, so both are retried or tolerated here instead of failing the unpack.
        java.nio.channels.SeekableByteChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            try {
                channel = Files.newByteChannel(dest, CREATE_FILE, attrs);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 3) {
                    throw e;
                }
                try {
                    removeNonDirectory(dest, lstat(dest), entry, origin);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed by a parallel unpack meanwhile: create it on the next attempt
                }
            }
        }
        try (OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            copyExactly(content, out, entry, origin);
        }
        files++;
        bytes += entry.size();
        boolean ownerIsRight = !options.applyOwnership() || (entry.uid() == 0 && entry.gid() == 0);
        try {
            if (modeAtCreation && ownerIsRight && entry.xattrs().isEmpty()) {
                setMtime(dest, entry, false);
            } else {
                applyAttributes(dest, entry);
            }
        } catch (java.nio.file.NoSuchFileException replacedMeanwhile) {
            // a parallel unpack of an overlapping package removed our copy; see above
        }
    }

    /**
     * Walks {@code components} from the root, component by component without following links,
     * creating missing directories when {@code create} is set. Returns the physical components of
     * the directory reached, relative to the root.
     */
    private List<String> resolveDirectory(List<String> components, boolean create, TreeEntry entry, String origin)
            throws IOException {
        List<String> at = new ArrayList<>();
        int[] hops = {0};
        for (String name : components) {
            at = descend(at, name, create, entry, origin, hops);
        }
        return at;
    }

    private List<String> descend(List<String> at, String name, boolean create, TreeEntry entry, String origin,
                                 int[] hops) throws IOException {
        List<String> next = new ArrayList<>(at);
        next.add(name);
        Path path = toPath(next);
        BasicFileAttributes attrs = lstat(path);
        if (attrs == null) {
            if (!create) {
                throw refuse(entry, origin, "'" + relative(next) + "' does not exist");
            }
            if (createDirectoryShared(path)) {
                return next;
            }
            attrs = lstat(path);
        }
        if (attrs.isDirectory()) {
            return next;
        }
        if (!attrs.isSymbolicLink()) {
            throw refuse(entry, origin, "'" + relative(next) + "' exists and is not a directory");
        }
        String target = Files.readSymbolicLink(path).toString();
        if (!options.followDirectorySymlinks()) {
            throw refuse(entry, origin, "parent '" + relative(next) + "' is a symbolic link (to '" + target
                    + "'); refusing to write through it");
        }
        if (++hops[0] > MAX_SYMLINK_HOPS) {
            throw refuse(entry, origin, "too many levels of symbolic links at '" + relative(next) + "'");
        }
        List<String> resolved = target.startsWith("/") ? new ArrayList<>() : new ArrayList<>(at);
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (resolved.isEmpty()) {
                    throw refuse(entry, origin, "symbolic link '" + relative(next) + "' -> '" + target
                            + "' leads outside the target directory");
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            resolved = descend(resolved, part, false, entry, origin, hops);
        }
        return resolved;
    }

    /**
     * Creates a directory that another extractor working on the same tree at the same time may create
     * first (packages share directories such as {@code usr/share/doc}); that is not an error.
     *
     * @return whether this call created it
     */
    private static boolean createDirectoryShared(Path path) throws IOException {
        try {
            Files.createDirectory(path);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            BasicFileAttributes now = lstat(path);
            if (now == null || !(now.isDirectory() || now.isSymbolicLink())) {
                throw e;
            }
            return false;
        }
    }

    private Path hardLinkSource(TreeEntry entry, String origin) throws IOException {
        List<String> components = TreePaths.components(entry.linkTarget());
        List<String> parent = resolveDirectory(components.subList(0, components.size() - 1), false, entry, origin);
        Path source = toPath(parent).resolve(components.get(components.size() - 1));
        BasicFileAttributes attrs = lstat(source);
        if (attrs == null || attrs.isDirectory()) {
            throw refuse(entry, origin, "hard link target '" + entry.linkTarget() + "' is "
                    + (attrs == null ? "missing" : "a directory"));
        }
        return source;
    }

    private void removeNonDirectory(Path dest, BasicFileAttributes existing, TreeEntry entry, String origin)
            throws IOException {
        if (existing == null) {
            return;
        }
        if (existing.isDirectory()) {
            throw refuse(entry, origin, "a directory already exists at this path and would be replaced by a "
                    + entry.type().toString().toLowerCase(java.util.Locale.ROOT));
        }
        Files.delete(dest); // unlinks a symbolic link itself, never its target
    }

    private void copyExactly(InputStream content, OutputStream out, TreeEntry entry, String origin) throws IOException {
        long remaining = entry.size();
        while (remaining > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw refuse(entry, origin, "content ends " + remaining + " bytes before its declared size "
                        + entry.size());
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
    }

    private void applyAttributes(Path path, TreeEntry entry) throws IOException {
        boolean symlink = entry.type() == EntryType.SYMLINK;
        if (options.applyOwnership()) {
            // lchown before chmod: chown clears setuid/setgid bits
            Files.setAttribute(path, "unix:uid", (int) entry.uid(), NOFOLLOW);
            Files.setAttribute(path, "unix:gid", (int) entry.gid(), NOFOLLOW);
        }
        if (!symlink) {
            Files.setAttribute(path, "unix:mode", entry.mode(), NOFOLLOW);
            for (Xattr xattr : entry.xattrs()) {
                if (xattr.name().startsWith("user.")) {
                    UserDefinedFileAttributeView view =
                            Files.getFileAttributeView(path, UserDefinedFileAttributeView.class, NOFOLLOW);
                    view.write(xattr.name().substring("user.".length()), ByteBuffer.wrap(xattr.value()));
                } else {
                    unappliedXattrs.add(entry.path() + ": " + xattr.name());
                }
            }
        }
        setMtime(path, entry, symlink);
    }

    private static void setMtime(Path path, TreeEntry entry, boolean symlink) throws IOException {
        FileTime mtime = FileTime.from(entry.mtime());
        try {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, NOFOLLOW).setTimes(mtime, null, null);
        } catch (IOException | UnsupportedOperationException e) {
            if (!symlink) {
                throw e;
            }
            // some platforms cannot set a symlink's own mtime; its target must not be touched instead
        }
    }

    private EngineException refuse(TreeEntry entry, String origin, String problem) {
        return new EngineException(origin + ": entry '" + entry.path() + "': " + problem
                + "; nothing was written outside " + root + ".");
    }

    private Path toPath(List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static String relative(List<String> components) {
        return String.join("/", components);
    }

    private static BasicFileAttributes lstat(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
