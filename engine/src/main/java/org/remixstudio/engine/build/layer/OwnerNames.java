package org.remixstudio.engine.build.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.remixstudio.engine.api.EngineException;

/**
 * User and group names for a tree's numeric owners, from the tree's own {@code etc/passwd} and
 * {@code etc/group} (never the host's), so the names in a layer match the image they belong to.
 */
final class OwnerNames {

    private final Map<Long, String> users;
    private final Map<Long, String> groups;

    private OwnerNames(Map<Long, String> users, Map<Long, String> groups) {
        this.users = users;
        this.groups = groups;
    }

    static OwnerNames of(Path root) {
        return new OwnerNames(read(root.resolve("etc/passwd")), read(root.resolve("etc/group")));
    }

    String user(long uid) {
        return users.getOrDefault(uid, "");
    }

    String group(long gid) {
        return groups.getOrDefault(gid, "");
    }

    /** id → name; the first line naming an id wins, as getpwuid(3) does. */
    private static Map<Long, String> read(Path file) {
        Map<Long, String> names = new HashMap<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try {
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 3 && !fields[0].isEmpty()) {
                    try {
                        names.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
                    } catch (NumberFormatException ignored) {
                        // a malformed line names nobody
                    }
                }
            }
        } catch (IOException e) {
            throw new EngineException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return names;
    }
}
