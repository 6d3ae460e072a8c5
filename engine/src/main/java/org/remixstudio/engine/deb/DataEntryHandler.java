package org.remixstudio.engine.deb;

import java.io.IOException;
import java.io.InputStream;
import org.remixstudio.engine.tree.TreeEntry;

/** Receives the entries of a {@code data.tar} one by one; the content stream is valid only during the call. */
@FunctionalInterface
public interface DataEntryHandler {

    void accept(TreeEntry entry, InputStream content) throws IOException;
}
