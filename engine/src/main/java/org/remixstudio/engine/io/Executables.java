package org.remixstudio.engine.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program on the {@code PATH} the way a shell would, for the tools the engine may start. */
public final class Executables {

    private Executables() {
    }

    /**
     * The first executable regular file called {@code name} in an absolute {@code PATH} directory
     * ({@code /usr/bin:/bin} when {@code PATH} is unset); empty when there is none. Relative entries
     * are passed over: a program is never taken from wherever the engine happens to run.
     */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (candidate.isAbsolute() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
