package org.remixstudio.engine.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the engine reads its sources from and keeps its cache. Immutable; the {@code with…}
 * methods return changed copies.
 *
 * @param systemRoot   the root whose {@code etc/apt} sources are the default ({@code /} normally)
 * @param useSystemSources whether the system's sources are used at all (a spec may name its own)
 * @param extraSources one-line {@code sources.list} entries added to the sources in use
 * @param suite        a suite to use instead of the sources' own (e.g. {@code trixie}), or {@code null}
 * @param architecture the Debian architecture, e.g. {@code amd64}
 * @param cacheDir     the cache directory ({@code $XDG_CACHE_HOME/remix-studio})
 * @param offline      never touch the network; use what the cache has
 * @param maxCacheAge  verified metadata fetched less than this long ago is used without asking the
 *                     network again; {@link Duration#ZERO} always asks (like {@code apt-get update})
 * @param dataDir      data kept for good ({@code $XDG_DATA_HOME/remix-studio}): the license store
 */
public record EngineSettings(
        Path systemRoot,
        boolean useSystemSources,
        List<String> extraSources,
        String suite,
        String architecture,
        Path cacheDir,
        boolean offline,
        Duration maxCacheAge,
        Path dataDir) {

    public EngineSettings {
        Objects.requireNonNull(systemRoot, "systemRoot");
        extraSources = List.copyOf(extraSources);
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(maxCacheAge, "maxCacheAge");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** How long fetched metadata counts as fresh by default. */
    public static final Duration DEFAULT_MAX_CACHE_AGE = Duration.ofHours(1);

    /** The host's sources, amd64, the XDG cache and data directories of the current user. */
    public static EngineSettings defaults() {
        return new EngineSettings(Path.of("/"), true, List.of(), null, "amd64",
                xdgDir(System.getenv(), "XDG_CACHE_HOME", ".cache").resolve("remix-studio"), false,
                DEFAULT_MAX_CACHE_AGE, xdgDir(System.getenv(), "XDG_DATA_HOME", ".local/share").resolve("remix-studio"));
    }

    /** {@code $VAR}, or {@code ~/fallback} when the variable is unset or not absolute (XDG base dir spec). */
    static Path xdgDir(Map<String, String> env, String variable, String fallback) {
        String value = env.get(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(System.getProperty("user.home")).resolve(fallback);
    }

    public EngineSettings withExtraSources(List<String> lines) {
        return new EngineSettings(systemRoot, useSystemSources, lines, suite, architecture, cacheDir, offline, maxCacheAge, dataDir);
    }

    public EngineSettings withSuite(String newSuite) {
        return new EngineSettings(systemRoot, useSystemSources, extraSources, newSuite, architecture, cacheDir, offline, maxCacheAge, dataDir);
    }

    public EngineSettings withArchitecture(String arch) {
        return new EngineSettings(systemRoot, useSystemSources, extraSources, suite, arch, cacheDir, offline, maxCacheAge, dataDir);
    }

    public EngineSettings withCacheDir(Path dir) {
        return new EngineSettings(systemRoot, useSystemSources, extraSources, suite, architecture, dir, offline, maxCacheAge, dataDir);
    }

    public EngineSettings withOffline(boolean off) {
        return new EngineSettings(systemRoot, useSystemSources, extraSources, suite, architecture, cacheDir, off, maxCacheAge, dataDir);
    }

    public EngineSettings withSystemSources(boolean use) {
        return new EngineSettings(systemRoot, use, extraSources, suite, architecture, cacheDir, offline, maxCacheAge, dataDir);
    }

    public EngineSettings withMaxCacheAge(Duration age) {
        return new EngineSettings(systemRoot, useSystemSources, extraSources, suite, architecture, cacheDir, offline, age, dataDir);
    }

    public EngineSettings withSystemRoot(Path root) {
        return new EngineSettings(root, useSystemSources, extraSources, suite, architecture, cacheDir, offline, maxCacheAge, dataDir);
    }

    public EngineSettings withDataDir(Path dir) {
        return new EngineSettings(systemRoot, useSystemSources, extraSources, suite, architecture, cacheDir, offline, maxCacheAge, dir);
    }
}
