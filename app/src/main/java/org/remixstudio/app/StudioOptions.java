package org.remixstudio.app;

import java.util.Objects;
import org.remixstudio.engine.api.EngineSettings;
import org.remixstudio.engine.resolve.BaseVariant;

/**
 * How a studio instance is wired: the engine's settings (the host's sources and the user's cache
 * normally; a fixture archive in tests), where the studio keeps its own files, and the base variant
 * of the remix it opens with.
 */
public record StudioOptions(EngineSettings engine, StudioPaths paths, BaseVariant startVariant) {

    public StudioOptions {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(startVariant, "startVariant");
    }

    /** The host's sources, the user's XDG directories, a minbase remix. */
    public static StudioOptions defaults() {
        return new StudioOptions(EngineSettings.defaults(), StudioPaths.fromEnvironment(), BaseVariant.MINBASE);
    }
}
