package org.remixstudio.engine.license;

/**
 * Makes {@code LicenseRef-} identifiers out of arbitrary names. SPDX 2.3 Annex D.2 allows only
 * letters, digits, {@code .} and {@code -} in an idstring, so every other run of characters becomes
 * one {@code -}; a trailing {@code +} ("or later") is spelled {@code -or-later}.
 */
public final class LicenseRefs {

    /** The prefix of identifiers that are not on the SPDX list. */
    public static final String PREFIX = "LicenseRef-";

    private LicenseRefs() {
    }

    /** {@code LicenseRef-NAME} with {@code name} reduced to the characters SPDX allows. */
    public static String of(String name) {
        String n = name.strip();
        if (n.endsWith("+")) {
            n = n.substring(0, n.length() - 1) + "-or-later";
        }
        String id = n.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        return PREFIX + (id.isEmpty() ? "unnamed" : id);
    }

    public static boolean isRef(String id) {
        return id.startsWith(PREFIX);
    }
}
