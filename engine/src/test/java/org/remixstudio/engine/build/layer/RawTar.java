package org.remixstudio.engine.build.layer;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Hand-made layer tars, in exactly the order given, including ones no honest writer produces. */
final class RawTar {

    private record Item(String name, byte type, String content, String link, int mode) {
    }

    private final List<Item> items = new ArrayList<>();

    RawTar dir(String name) {
        items.add(new Item(name, TarConstants.LF_DIR, null, null, 0755));
        return this;
    }

    RawTar file(String name, String content) {
        items.add(new Item(name, TarConstants.LF_NORMAL, content, null, 0644));
        return this;
    }

    RawTar symlink(String name, String target) {
        items.add(new Item(name, TarConstants.LF_SYMLINK, null, target, 0777));
        return this;
    }

    RawTar hardlink(String name, String target) {
        items.add(new Item(name, TarConstants.LF_LINK, null, target, 0644));
        return this;
    }

    RawTar fifo(String name) {
        items.add(new Item(name, TarConstants.LF_FIFO, null, null, 0600));
        return this;
    }

    byte[] tar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item i : items) {
                TarArchiveEntry e = new TarArchiveEntry(i.name(), i.type(), true);
                e.setMode(i.mode());
                e.setModTime(1_700_000_000_000L);
                if (i.link() != null) {
                    e.setLinkName(i.link());
                }
                byte[] content = i.content() == null ? new byte[0] : i.content().getBytes(StandardCharsets.UTF_8);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    Path write(Path file) throws IOException {
        Files.write(file, tar());
        return file;
    }

    Path writeGzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(tar());
        }
        return file;
    }

    Path writeZstd(Path file) throws IOException {
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(file))) {
            out.write(tar());
        }
        return file;
    }
}
