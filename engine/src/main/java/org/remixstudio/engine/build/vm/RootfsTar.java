package org.remixstudio.engine.build.vm;

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

/**
 * A finished root filesystem as the build writes it ({@code --format rootfs}: one uncompressed tar
 * with exact owners, modes, devices, hard links and xattrs), opened for a filesystem writer that
 * needs every entry first and then each file's bytes in an order of its own: one pass over the
 * headers ({@link TarFile} seeks over the contents) converted with the layer reader's own rules
 * ({@link LayerTarReader#convert}: same names, same metadata, same refusals), and the bytes by random
 * access into the tar, so nothing is unpacked onto the host.
 */
public final class RootfsTar implements Closeable {

    private final Path file;
    private final List<TreeEntry> entries;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> files = new HashMap<>();

    private RootfsTar(Path file, TarFile tar) {
        this.file = file;
        this.tar = tar;
        List<TreeEntry> all = new ArrayList<>();
        for (TarArchiveEntry t : tar.getEntries()) {
            TreeEntry e = LayerTarReader.convert(t, file.toString());
            all.add(e);
            if (e.type() == EntryType.FILE) {
                files.put(e.path(), t);
            }
        }
        this.entries = List.copyOf(all);
    }

    /** Reads the entries of {@code rootfsTar}. */
    public static RootfsTar open(Path rootfsTar) {
        try {
            return new RootfsTar(rootfsTar, new TarFile(rootfsTar));
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
