package org.remixstudio.engine.export.disk.ext4;

import java.io.IOException;
import java.io.InputStream;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * Where the bytes of a regular file come from. The writer opens each file once, on its own thread,
 * one at a time, reads exactly {@link TreeEntry#size()} bytes and closes the stream. Files are asked
 * for in inode order (directory by directory, names sorted), not in input order, so a source must
 * give any file on request (a directory or a cache of files, not a tar stream read front to back).
 */
@FunctionalInterface
public interface Ext4Content {

    InputStream open(TreeEntry file) throws IOException;
}
