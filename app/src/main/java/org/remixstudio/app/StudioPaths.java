package org.remixstudio.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the studio keeps its own files, following the XDG base directory specification: settings
 * such as recent files under the config directory, the library database and autosaves under the
 * data directory. Tests point both at temporary directories.
 *
 * @param configDir {@code $XDG_CONFIG_HOME/remix-studio}
 * @param dataDir   {@code $XDG_DATA_HOME/remix-studio}
 */
public record StudioPaths(Path configDir, Path dataDir) {

    public StudioPaths {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The current user's XDG directories. */
    public static StudioPaths fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static StudioPaths fromEnvironment(Map<String, String> env, Path home) {
        return new StudioPaths(xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("remix-studio"),
                xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("remix-studio"));
    }

    /** Under one directory, for tests. */
    public static StudioPaths under(Path dir) {
        return new StudioPaths(dir.resolve("config"), dir.resolve("data"));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // the spec says relative values are invalid and must be ignored
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    public Path recentFiles() {
        return configDir.resolve("recent-files.txt");
    }

    public Path settingsFile() {
        return configDir.resolve("settings.properties");
    }

    public Path autosaveDir() {
        return dataDir.resolve("autosave");
    }

    public Path libraryDatabase() {
        return dataDir.resolve("library.sqlite");
    }

    public Path remixesDir() {
        return dataDir.resolve("remixes");
    }
}
