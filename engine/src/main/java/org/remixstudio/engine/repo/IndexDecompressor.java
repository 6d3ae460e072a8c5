package org.remixstudio.engine.repo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens an index file by the compression its name says ({@code .xz}, {@code .gz}, or none), the
 * variants the Debian repository format allows for {@code Packages}.
 */
final class IndexDecompressor {

    private IndexDecompressor() {
    }

    /** The suffixes in the order apt prefers them. */
    static final java.util.List<String> SUFFIXES = java.util.List.of(".xz", ".gz", "");

    static InputStream open(InputStream raw, String path) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (path.endsWith(".xz")) {
            return new XZInputStream(in);
        }
        if (path.endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }
}
