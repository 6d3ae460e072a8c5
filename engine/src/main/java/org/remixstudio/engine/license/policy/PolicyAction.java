package org.remixstudio.engine.license.policy;

import java.util.Locale;

/** What a policy says about a license, from mildest to strictest. */
public enum PolicyAction {
    ALLOW, WARN, DENY;

    /** The key used in policy files: {@code allow}, {@code warn}, {@code deny}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
