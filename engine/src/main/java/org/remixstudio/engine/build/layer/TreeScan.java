package org.remixstudio.engine.build.layer;

import java.time.Duration;
import java.util.List;

/**
 * A manifest and what it took to make it.
 *
 * @param manifest     the tree as scanned
 * @param hashedFiles  regular files whose content was read and hashed
 * @param hashedBytes  bytes read to hash them
 * @param reusedHashes regular files whose hash was taken from the previous manifest unread
 * @param sockets      sockets found and left out (a tar cannot hold them)
 * @param elapsed      wall-clock time of the scan
 */
public record TreeScan(TreeManifest manifest, long hashedFiles, long hashedBytes, long reusedHashes,
                       List<String> sockets, Duration elapsed) {

    public TreeScan {
        sockets = List.copyOf(sockets);
    }
}
