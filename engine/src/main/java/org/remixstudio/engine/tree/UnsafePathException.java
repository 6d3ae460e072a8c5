package org.remixstudio.engine.tree;

/**
 * A path inside an archive that cannot be placed safely in a tree (absolute, climbing out with
 * {@code ..}, empty, or containing NUL). Callers add the archive and entry name to the message.
 */
public final class UnsafePathException extends RuntimeException {

    private final String rawPath;

    public UnsafePathException(String rawPath, String reason) {
        super(reason);
        this.rawPath = rawPath;
    }

    /** The path exactly as the archive wrote it. */
    public String rawPath() {
        return rawPath;
    }
}
