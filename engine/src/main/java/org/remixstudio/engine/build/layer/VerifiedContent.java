package org.remixstudio.engine.build.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.export.oci.ContentSource;

/**
 * A file of the scanned tree as layer content, checked against the SHA-256 its manifest recorded
 * when the stream reaches its end: a file changed between the scan and the layer write fails the
 * layer instead of silently giving it content its manifest does not describe.
 */
final class VerifiedContent implements ContentSource {

    private final Path file;
    private final String path;
    private final String sha256;

    VerifiedContent(Path file, String path, String sha256) {
        this.file = file;
        this.path = path;
        this.sha256 = sha256;
    }

    @Override
    public InputStream open() throws IOException {
        MessageDigest sha = TreeScanner.sha256();
        InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new FilterInputStream(in) {
            private boolean checked;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    check();
                } else {
                    sha.update((byte) b);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) {
                    check();
                } else {
                    sha.update(buf, off, n);
                }
                return n;
            }

            private void check() {
                if (checked) {
                    return;
                }
                checked = true;
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(sha256)) {
                    throw new EngineException("file '" + path + "' (" + file + ") changed after its tree was scanned"
                            + " (SHA-256 " + actual + ", scanned " + sha256 + "); scan the tree again and rebuild the layer");
                }
            }
        };
    }
}
