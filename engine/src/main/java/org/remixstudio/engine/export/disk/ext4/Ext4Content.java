package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.io.InputStream;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Where the bytes of a regular file come from. The writer opens each file once, reads exactly
 * {@link TreeEntry#size()} bytes and closes the stream.
 */
@FunctionalInterface
public interface Ext4Content {

    InputStream open(TreeEntry file) throws IOException;
}
