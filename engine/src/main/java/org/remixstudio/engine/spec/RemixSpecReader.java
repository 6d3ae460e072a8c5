package org.remixstudio.engine.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.remixstudio.engine.api.EngineException;

/**
 * Reads {@code NAME.remix.json} files (docs/spec.md, format version 1) into {@link RemixSpec}s. A file
 * with problems gives one {@link SpecFormatException} listing all of them, each with line, column,
 * JSON path and what was expected. Stateless; one instance may be shared.
 */
public final class RemixSpecReader {

    private final LocatedJsonParser parser = new LocatedJsonParser();

    /** Reads and checks a spec file. */
    public RemixSpec read(Path file) {
        return load(file).spec();
    }

    /** Reads a spec from text; {@code source} names it in errors. */
    public RemixSpec read(String json, String source) {
        return load(new StringReader(json), source).spec();
    }

    /** Reads a spec file, keeping where each value stands for later checks. */
    public LoadedSpec load(Path file) {
        if (!RemixSpecFiles.isSpecFile(file)) {
            throw new EngineException(file + ": a remix spec file is named NAME" + RemixSpecFiles.SPEC_SUFFIX
                    + "; rename it (the lock file beside it is NAME" + RemixSpecFiles.LOCK_SUFFIX + ")");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new EngineException(file + ": no such spec file; check the path", e);
        } catch (CharacterCodingException e) {
            throw new EngineException(file + ": not UTF-8 text; save the spec as UTF-8", e);
        } catch (IOException e) {
            throw new EngineException(file + ": cannot read the spec: " + e.getMessage(), e);
        }
    }

    /** Reads a spec from {@code reader}; {@code source} names it in errors. */
    public LoadedSpec load(Reader reader, String source) {
        JsonDocument doc;
        try {
            doc = parser.parse(reader, source);
        } catch (CharacterCodingException e) {
            throw new EngineException(source + ": not UTF-8 text; save the spec as UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LoadedSpec(new RemixSpecBinder(doc).bind(), doc);
    }

    /**
     * Checks a spec made in code (by the app, say) by the same rules as a file, returning the spec as
     * it reads back from its canonical form. Problems name paths in that canonical form; their lines
     * and columns refer to {@link RemixSpecWriter#toJson}'s text.
     */
    public RemixSpec validate(RemixSpec spec) {
        String text = new RemixSpecWriter().toJson(spec);
        return read(text, "spec '" + spec.name() + "'");
    }

    /** All problems of a spec text, empty when it is fine; for editors that show problems as you type. */
    public List<SpecProblem> problems(String json, String source) {
        try {
            read(json, source);
            return List.of();
        } catch (SpecFormatException e) {
            return e.problems();
        }
    }
}
