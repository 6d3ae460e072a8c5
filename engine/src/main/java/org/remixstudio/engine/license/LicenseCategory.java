package org.remixstudio.engine.license;

import java.util.Locale;
import java.util.Optional;

/**
 * What a license asks of whoever redistributes the work, from least to most restrictive; the order
 * decides which choice counts in {@code OR} (the least restrictive) and {@code AND} (the most).
 * {@link #UNKNOWN} ranks above the copylefts: a license nobody recognized needs a person's look.
 */
public enum LicenseCategory {
    PUBLIC_DOMAIN("public-domain"),
    PERMISSIVE("permissive"),
    WEAK_COPYLEFT("weak-copyleft"),
    STRONG_COPYLEFT("strong-copyleft"),
    NETWORK_COPYLEFT("network-copyleft"),
    UNKNOWN("unknown"),
    NON_FREE("non-free");

    private final String id;

    LicenseCategory(String id) {
        this.id = id;
    }

    /** The name used in data files, policies and reports, e.g. {@code strong-copyleft}. */
    public String id() {
        return id;
    }

    public static Optional<LicenseCategory> byId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (LicenseCategory c : values()) {
            if (c.id.equals(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
