package org.remixstudio.engine.spec;

import java.util.Objects;

/**
 * One thing wrong with a spec or lock file: where (JSON path, and line and column when known) and
 * what, phrased so the user knows what to write instead.
 *
 * @param path    a JSON path such as {@code $.layers[1].add[0]}
 * @param line    1-based line in the file, or 0 when unknown (a spec made in code)
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong and what is expected
 */
public record SpecProblem(String path, int line, int column, String message) {

    public SpecProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code LINE:COLUMN: PATH: message}, or {@code PATH: message} without a position. */
    @Override
    public String toString() {
        return (line > 0 ? line + ":" + column + ": " : "") + path + ": " + message;
    }
}
