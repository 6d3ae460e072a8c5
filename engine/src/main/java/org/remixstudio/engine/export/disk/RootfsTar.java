package org.remixstudio.engine.export.disk;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.build.layer.LayerTarReader;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;
import org.remixstudio.engine.tree.TreePaths;

/**
 * A finished root filesystem as the build writes it ({@code --format rootfs}: one uncompressed tar
 * with exact owners, modes, devices, hard links and xattrs), opened for a filesystem writer that
 * needs every entry first and then each file's bytes in an order of its own: the entries come from
 * the build's own layer reader (same names, same metadata rules as every layer), the bytes by random
 * access into the tar ({@link TarFile}), so nothing is unpacked onto the host.
 */
public final class RootfsTar implements Closeable {

    private final Path file;
    private final List<TreeEntry> entries;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> files = new HashMap<>();

    private RootfsTar(Path file, List<TreeEntry> entries, TarFile tar) {
        this.file = file;
        this.entries = List.copyOf(entries);
        this.tar = tar;
        for (TarArchiveEntry t : tar.getEntries()) {
            if (t.isFile() && !t.isLink()) {
                files.put(TreePaths.normalize(t.getName()), t);
            }
        }
    }

    /** Reads the entries of {@code rootfsTar}. */
    public static RootfsTar open(Path rootfsTar) {
        List<TreeEntry> entries = new ArrayList<>();
        try (LayerTarReader reader = LayerTarReader.open(rootfsTar)) {
            for (TreeEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
        }
        try {
            return new RootfsTar(rootfsTar, entries, new TarFile(rootfsTar));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the root filesystem tar " + rootfsTar, e);
        }
    }

    /** Every entry, in the tar's order. */
    public List<TreeEntry> entries() {
        return entries;
    }

    /** The bytes of a regular file of this tree. */
    public InputStream open(TreeEntry entry) throws IOException {
        TarArchiveEntry t = files.get(entry.path());
        if (entry.type() != EntryType.FILE || t == null) {
            throw new EngineException("the root filesystem tar " + file + " has no regular file " + entry.path());
        }
        return tar.getInputStream(t);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
