package org.remixstudio.engine.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * The base an image starts from before its layers, named as in the spec's {@code variant} field.
 * The names follow mmdebstrap's variants of the same meaning (by package priority), so a build
 * engine can map them one to one.
 */
public enum BaseVariant {
    /** Nothing: only the layers' packages and their dependencies. */
    NONE,
    /** The {@code Essential: yes} packages. */
    ESSENTIAL,
    /** Essential packages plus apt: the smallest base a package manager runs on. The default. */
    MINBASE,
    /** Every package of priority required and important. */
    IMPORTANT,
    /** Every package of priority required, important and standard. */
    STANDARD;

    /** The name written in a spec, e.g. {@code minbase}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The variant with this spec name, if any. */
    public static Optional<BaseVariant> fromSpecName(String name) {
        for (BaseVariant v : values()) {
            if (v.specName().equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
