package org.remixstudio.engine.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.LicenseCategory;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.license.policy.AuditedPackage;
import org.remixstudio.engine.license.policy.LicensePolicy;
import org.remixstudio.engine.license.policy.PolicyEvaluator;

/**
 * The licenses of the image before and after an edit, filled in as they become known, and the
 * {@link LicenseImpact} snapshot of what is known so far. Used by one thread.
 */
final class LicenseImpactTracker {

    /** What a package whose license could not be found counts as (SPDX 2.3 §7.13). */
    static final String NOASSERTION = "NOASSERTION";

    /** A planned package and its catalog entry ({@code null} when the catalog lacks that version). */
    record Entry(PlannedPackage planned, BinaryPackage pkg) {
    }

    private final List<Entry> before;
    private final List<Entry> after;
    private final List<Entry> introduced;
    private final Set<BinaryPackage> all = new LinkedHashSet<>();
    private final Map<BinaryPackage, PackageLicense> known = new HashMap<>();
    private final LicenseCategories categories;
    private final LicensePolicy policy;
    private final Function<PlannedPackage, List<String>> chains;

    /**
     * @param introduced the packages the edit brings in (new, or another version): the only ones judged by the policy
     * @param policy     the policy, or {@code null} for no findings
     * @param chains     why a package of the image after the edit is there
     */
    LicenseImpactTracker(List<Entry> before, List<Entry> after, List<Entry> introduced, LicenseCategories categories,
                         LicensePolicy policy, Function<PlannedPackage, List<String>> chains) {
        this.before = before;
        this.after = after;
        this.introduced = introduced;
        this.categories = categories;
        this.policy = policy;
        this.chains = chains;
        for (Entry e : before) {
            if (e.pkg() != null) {
                all.add(e.pkg());
            }
        }
        for (Entry e : after) {
            if (e.pkg() != null) {
                all.add(e.pkg());
            }
        }
    }

    /** Every catalog package whose license matters, before and after. */
    Collection<BinaryPackage> packages() {
        return all;
    }

    void put(PackageLicense license) {
        if (all.contains(license.pkg())) {
            known.put(license.pkg(), license);
        }
    }

    void putAll(Collection<PackageLicense> licenses) {
        licenses.forEach(this::put);
    }

    int pending() {
        return all.size() - known.size();
    }

    LicenseImpact snapshot() {
        Map<String, Set<String>> idsBefore = new TreeMap<>();
        Map<String, Set<String>> idsAfter = new TreeMap<>();
        Map<String, String> categoryOf = new HashMap<>();
        Map<String, Integer> countBefore = new TreeMap<>();
        Map<String, Integer> countAfter = new TreeMap<>();
        collect(before, idsBefore, categoryOf, countBefore);
        collect(after, idsAfter, categoryOf, countAfter);
        return new LicenseImpact(changes(idsAfter, idsBefore, categoryOf), changes(idsBefore, idsAfter, categoryOf),
                countBefore, countAfter, findings(), pending());
    }

    private void collect(List<Entry> entries, Map<String, Set<String>> ids, Map<String, String> categoryOf,
                         Map<String, Integer> counts) {
        for (Entry e : entries) {
            PackageLicense l = e.pkg() == null ? null : known.get(e.pkg());
            if (e.pkg() != null && l == null) {
                continue; // pending: neither a license nor a category yet
            }
            String name = e.planned().name();
            if (l == null || l.main().isEmpty()) {
                ids.computeIfAbsent(NOASSERTION, k -> new TreeSet<>()).add(name);
                categoryOf.putIfAbsent(NOASSERTION, LicenseCategory.UNKNOWN.id());
            } else {
                for (String id : l.main().get().licenseIds()) {
                    ids.computeIfAbsent(id, k -> new TreeSet<>()).add(name);
                    categoryOf.putIfAbsent(id, category(id, l));
                }
            }
            String category = l == null ? LicenseCategory.UNKNOWN.id() : l.category(categories).id();
            counts.merge(category, 1, Integer::sum);
        }
    }

    /** A license id's own category; a {@code LicenseRef-} whose text reads as an SPDX license counts as that. */
    private String category(String id, PackageLicense l) {
        String like = l.license().similar().get(id);
        return categories.of(like != null ? like : id).id();
    }

    private static List<LicenseChange> changes(Map<String, Set<String>> in, Map<String, Set<String>> notIn,
                                               Map<String, String> categoryOf) {
        List<LicenseChange> out = new ArrayList<>();
        in.forEach((id, names) -> {
            if (!notIn.containsKey(id)) {
                out.add(new LicenseChange(id, categoryOf.get(id), List.copyOf(names)));
            }
        });
        return out;
    }

    private List<LicenseFindingInfo> findings() {
        if (policy == null) {
            return List.of();
        }
        List<AuditedPackage> audited = new ArrayList<>();
        for (Entry e : introduced) {
            PackageLicense l = e.pkg() == null ? null : known.get(e.pkg());
            if (l != null) {
                audited.add(new AuditedPackage(l, e.planned().layer(), chains.apply(e.planned())));
            }
        }
        return new PolicyEvaluator(categories).evaluate(policy, audited).stream().map(LicenseInfos::finding).toList();
    }
}
