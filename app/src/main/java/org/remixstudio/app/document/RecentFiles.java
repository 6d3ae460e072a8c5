package org.remixstudio.app.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.remixstudio.app.AtomicWrite;

/**
 * The remix files opened or saved lately, newest first, kept as one path a line in the studio's
 * config directory so they survive restarts.
 */
public final class RecentFiles {

    private static final int LIMIT = 10;
    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** Newest first; files that no longer exist are left out. */
    public List<Path> list() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            return Files.readAllLines(store, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank())
                    .map(Path::of).filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            return List.of(); // a damaged list is not worth an error dialog; it is rewritten on the next save
        }
    }

    /** Puts {@code file} first. */
    public void add(Path file) {
        List<Path> files = new ArrayList<>(list());
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > LIMIT) {
            files.remove(files.size() - 1);
        }
        try {
            AtomicWrite.write(store, String.join("\n", files.stream().map(Path::toString).toList())
                    .concat("\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recent files list " + store, e);
        }
    }
}
