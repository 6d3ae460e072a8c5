package org.remixstudio.engine.catalog;

/** The {@code Multi-Arch} field (Debian policy §5.6.30 and the MultiArch spec). */
public enum MultiArch {
    NO, SAME, FOREIGN, ALLOWED;

    public static MultiArch parse(String value) {
        if (value == null || value.isBlank()) {
            return NO;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "same" -> SAME;
            case "foreign" -> FOREIGN;
            case "allowed" -> ALLOWED;
            default -> NO;
        };
    }
}
