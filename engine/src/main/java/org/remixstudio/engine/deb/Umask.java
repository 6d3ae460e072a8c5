package org.remixstudio.engine.deb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The process's file creation mask, found once by creating a file with mode 0777 and reading back what
 * the kernel made of it (Java has no {@code umask(2)}). {@link TreeExtractor} uses it to know when a
 * file's permissions can be given at creation instead of by a later {@code chmod}.
 */
final class Umask {

    private static final int VALUE = probe();

    private Umask() {
    }

    /** The mask's permission bits; 0777 (mask everything) when it cannot be found, so no shortcut is taken. */
    static int value() {
        return VALUE;
    }

    /** Permission bits as the NIO set. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    private static int probe() {
        try {
            Path dir = Files.createTempDirectory("umask");
            try {
                Path f = Files.createFile(dir.resolve("probe"),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
                int mode = (Integer) Files.getAttribute(f, "unix:mode") & 0777;
                Files.delete(f);
                return ~mode & 0777;
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return 0777;
        }
    }
}
