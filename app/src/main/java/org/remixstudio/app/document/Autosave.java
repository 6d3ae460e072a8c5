package org.remixstudio.app.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.remixstudio.app.AtomicWrite;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecReader;
import org.remixstudio.engine.spec.RemixSpecWriter;

/**
 * Crash recovery: the remix being edited is written after every edit to the studio's autosave
 * directory, together with the path of the file it belongs to, and removed when the user saves or
 * discards it. If the studio finds an autosave at start, the last session ended before the work was
 * saved, and the studio offers to restore it.
 */
public final class Autosave {

    /** What was recovered: the spec and the file it was being edited for, if it had one. */
    public record Recovered(RemixSpec spec, Optional<Path> file) {
    }

    private final Path specFile;
    private final Path originFile;

    public Autosave(Path dir) {
        this.specFile = dir.resolve("unsaved.remix.json");
        this.originFile = dir.resolve("unsaved.origin");
    }

    public void write(RemixSpec spec, Path documentFile) {
        try {
            AtomicWrite.write(originFile, (documentFile == null ? "" : documentFile.toString())
                    .getBytes(StandardCharsets.UTF_8));
            AtomicWrite.write(specFile, new RemixSpecWriter().toBytes(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the autosave " + specFile, e);
        }
    }

    /** The unsaved work of a session that ended without saving, if any and readable. */
    public Optional<Recovered> find() {
        if (!Files.isRegularFile(specFile)) {
            return Optional.empty();
        }
        try {
            RemixSpec spec = new RemixSpecReader().read(specFile);
            String origin = Files.isRegularFile(originFile) ? Files.readString(originFile).strip() : "";
            return Optional.of(new Recovered(spec, origin.isEmpty() ? Optional.empty() : Optional.of(Path.of(origin))));
        } catch (RuntimeException | IOException e) {
            return Optional.empty(); // an autosave cut short is worth less than a clean start
        }
    }

    public void clear() {
        try {
            Files.deleteIfExists(specFile);
            Files.deleteIfExists(originFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the autosave " + specFile, e);
        }
    }
}
