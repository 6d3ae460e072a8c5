package org.remixstudio.engine.spec;

import java.nio.file.Path;

/**
 * The file names of the format: a spec is {@code NAME.remix.json} and its lock sits beside it as
 * {@code NAME.remix.lock.json}, so both show up together and the lock's owner is obvious.
 */
public final class RemixSpecFiles {

    public static final String SPEC_SUFFIX = ".remix.json";
    public static final String LOCK_SUFFIX = ".remix.lock.json";

    private RemixSpecFiles() {
    }

    public static boolean isSpecFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SPEC_SUFFIX) && name.length() > SPEC_SUFFIX.length();
    }

    public static boolean isLockFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(LOCK_SUFFIX) && name.length() > LOCK_SUFFIX.length();
    }

    /** {@code NAME} of {@code NAME.remix.json}. */
    public static String baseName(Path specFile) {
        requireSpecFile(specFile);
        String name = specFile.getFileName().toString();
        return name.substring(0, name.length() - SPEC_SUFFIX.length());
    }

    /** {@code dir/NAME.remix.lock.json} for {@code dir/NAME.remix.json}. */
    public static Path lockFileFor(Path specFile) {
        return specFile.resolveSibling(baseName(specFile) + LOCK_SUFFIX);
    }

    static void requireSpecFile(Path file) {
        if (!isSpecFile(file)) {
            throw new IllegalArgumentException(file + " is not named like a remix spec: expected NAME" + SPEC_SUFFIX);
        }
    }
}
