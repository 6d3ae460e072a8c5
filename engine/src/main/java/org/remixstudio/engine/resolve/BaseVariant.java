package org.remixstudio.engine.resolve;

import org.remixstudio.engine.catalog.Priority;

/**
 * The base system a resolution starts from, as mmdebstrap's {@code --variant} defines it
 * (mmdebstrap 1.3.5, {@code run_download} and {@code run_install}): first apt installs every
 * {@code Essential: yes} package of the base suite, then, in a second apt call that sees those as
 * installed, the requested packages together with every non-essential package of the suite whose
 * {@code Priority} is at least this variant's.
 */
public enum BaseVariant {
    /** Nothing but the requested packages (mmdebstrap's {@code custom}). */
    NONE(null),
    /** The Essential: yes packages and what they need. */
    ESSENTIAL(null),
    /** Also Priority: required (mmdebstrap's {@code minbase}, alias {@code required}). */
    MINBASE(Priority.REQUIRED),
    /** Also Priority: important (mmdebstrap's default, debootstrap's). */
    IMPORTANT(Priority.IMPORTANT),
    /** Also Priority: standard. */
    STANDARD(Priority.STANDARD);

    private final Priority lowest;

    BaseVariant(Priority lowest) {
        this.lowest = lowest;
    }

    /** Whether the variant installs Essential packages at all. */
    public boolean hasEssential() {
        return this != NONE;
    }

    /** Whether packages of this priority belong to the variant's second step. */
    public boolean includesPriority(Priority p) {
        return lowest != null && p.ordinal() <= lowest.ordinal();
    }

    /** Whether the variant has a priority-based second step. */
    public boolean hasPrioritySet() {
        return lowest != null;
    }

    /** The name mmdebstrap uses. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The variant with exactly this name ({@link #label()}), as a spec file writes it. */
    public static java.util.Optional<BaseVariant> fromName(String name) {
        for (BaseVariant v : values()) {
            if (v.label().equals(name)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }

    /** Parses a variant name, accepting mmdebstrap's aliases {@code required} and {@code custom}. */
    public static BaseVariant parse(String text) {
        String s = text.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "none", "custom" -> NONE;
            case "essential" -> ESSENTIAL;
            case "minbase", "required" -> MINBASE;
            case "important", "debootstrap" -> IMPORTANT;
            case "standard" -> STANDARD;
            default -> throw new IllegalArgumentException("unknown base variant '" + text
                    + "'; choose none, essential, minbase, important or standard");
        };
    }
}
