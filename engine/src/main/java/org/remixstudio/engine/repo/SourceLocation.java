package org.remixstudio.engine.repo;

/**
 * Where a source entry was written: a file and the 1-based line of its first field (deb822) or of
 * the entry itself (one-line format). Named in every error about the entry.
 */
public record SourceLocation(String file, int line) {

    @Override
    public String toString() {
        return file + ", line " + line;
    }
}
