package org.remixstudio.engine.catalog;

/**
 * The {@code Priority} field (Debian policy §2.5), in apt's order: a lower ordinal is more important.
 * apt sorts providers and alternatives by this, so the order matters.
 */
public enum Priority {
    REQUIRED, IMPORTANT, STANDARD, OPTIONAL, EXTRA, UNKNOWN;

    public static Priority parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "required" -> REQUIRED;
            case "important" -> IMPORTANT;
            case "standard" -> STANDARD;
            case "optional" -> OPTIONAL;
            case "extra" -> EXTRA;
            default -> UNKNOWN;
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
