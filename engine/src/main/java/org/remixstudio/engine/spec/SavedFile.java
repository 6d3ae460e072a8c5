package org.remixstudio.engine.spec;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.io.AtomicFiles;

/**
 * Saves a document the user made (a spec, a lock file) so that it is either the old content or the
 * new one, never a part, and turns file-system failures into messages that say what to do.
 */
final class SavedFile {

    private SavedFile() {
    }

    /** Writes {@code bytes} to {@code target}; {@code what} names the file in errors ("spec", "lock file"). */
    static void write(Path target, byte[] bytes, String what) {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            // A typo in a folder name should not quietly create folders for the user's document.
            throw new EngineException("cannot write the " + what + " " + target + ": the directory " + dir
                    + " does not exist; create it first");
        }
        try {
            AtomicFiles.writeBytes(target, bytes);
        } catch (FileSystemException e) {
            throw new EngineException("cannot write the " + what + " " + target + ": "
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason())
                    + "; check that " + dir + " is writable", e);
        } catch (IOException e) {
            throw new EngineException("cannot write the " + what + " " + target + ": " + e.getMessage(), e);
        }
    }
}
