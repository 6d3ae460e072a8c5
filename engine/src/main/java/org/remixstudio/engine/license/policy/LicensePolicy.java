package org.remixstudio.engine.license.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.LicenseCategory;

/**
 * A license policy (docs/licenses.md, "Policy"): an action for some SPDX license ids and for some
 * categories, and a default for the rest. A rule naming the id beats a rule naming its category, so
 * {@code allow: [GPL-2.0-only]} with {@code warn: [strong-copyleft]} allows exactly that GPL.
 *
 * @param origin     the file it came from, named in findings
 * @param ids        SPDX license id (list spelling, or a LicenseRef) → action
 * @param categories category → action
 * @param fallback   the action for a license no rule names ({@code default} in the file)
 */
public record LicensePolicy(String origin, Map<String, PolicyAction> ids, Map<LicenseCategory, PolicyAction> categories,
                            PolicyAction fallback) {

    public LicensePolicy {
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    /** No rules: everything allowed. */
    public static LicensePolicy allowAll() {
        return new LicensePolicy("(no policy)", Map.of(), Map.of(), PolicyAction.ALLOW);
    }

    /**
     * What the policy says about one license id.
     *
     * @return the action and the rule that decided it ({@code default} when none did)
     */
    public Verdict verdict(String id, LicenseCategories table) {
        String bare = id.endsWith("+") ? id.substring(0, id.length() - 1) : id;
        PolicyAction byId = ids.containsKey(id) ? ids.get(id) : ids.get(bare);
        if (byId != null) {
            return new Verdict(byId, ids.containsKey(id) ? id : bare);
        }
        return category(table.of(id));
    }

    /** What the policy says about a category. */
    public Verdict category(LicenseCategory category) {
        PolicyAction byCategory = categories.get(category);
        return byCategory != null ? new Verdict(byCategory, category.id()) : new Verdict(fallback, "default");
    }

    /** An action and the rule (an id, a category, or {@code default}) it came from. */
    public record Verdict(PolicyAction action, String rule) {
    }
}
