package org.remixstudio.engine.export.oci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where a layer file's bytes come from; opened once, when the entry is written. */
@FunctionalInterface
public interface ContentSource {

    InputStream open() throws IOException;

    static ContentSource empty() {
        return InputStream::nullInputStream;
    }

    static ContentSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }

    /** A file on disk, opened without following a symbolic link at its last component. */
    static ContentSource of(Path file) {
        return () -> Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }
}
