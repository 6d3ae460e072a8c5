package org.remixstudio.engine.deb;

import java.nio.file.Path;
import org.remixstudio.engine.api.EngineException;

/**
 * A {@code .deb} that is malformed, truncated, hostile or over a limit. The message names the
 * package file and, where there is one, the archive member and entry at fault, and says what to do.
 */
public final class DebFormatException extends EngineException {

    private final Path file;

    public DebFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DebFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The package file at fault. */
    public Path file() {
        return file;
    }
}
