package org.remixstudio.engine.license.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.LicenseCategory;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.license.SpdxExpression;

/**
 * Applies a {@link LicensePolicy} to the packages of a remix. A package's main license decides: each
 * license in it gets the action of its id rule, else of its category rule, else the default; an
 * {@code OR} takes its mildest choice (the licensee may pick), an {@code AND} its strictest. A package
 * whose license is unknown is judged as the category {@code unknown}; one in a non-free component also
 * as {@code non-free}, the stricter verdict winning. A license the copyright file names for some files
 * only is reported when a rule denies it, as a warning, since those files may not be in the binary at all
 * (warning about every GPL'd build script would drown the real findings).
 */
public final class PolicyEvaluator {

    private final LicenseCategories categories;

    public PolicyEvaluator(LicenseCategories categories) {
        this.categories = categories;
    }

    /** Warnings and denials, denials first, then by layer order of appearance and package name. */
    public List<PolicyFinding> evaluate(LicensePolicy policy, List<AuditedPackage> packages) {
        List<PolicyFinding> findings = new ArrayList<>();
        for (AuditedPackage p : packages) {
            PackageLicense l = p.license();
            LicensePolicy.Verdict main = l.main().map(e -> verdict(policy, e))
                    .orElseGet(() -> policy.category(LicenseCategory.UNKNOWN));
            if (l.nonFree()) {
                LicensePolicy.Verdict nonFree = policy.category(LicenseCategory.NON_FREE);
                if (nonFree.action().compareTo(main.action()) >= 0) {
                    main = nonFree;
                }
            }
            String category = l.category(categories).id();
            if (main.action() != PolicyAction.ALLOW) {
                findings.add(new PolicyFinding(main.action(), l.name(), l.pkg().version().toString(), p.layer(),
                        l.spdx(), category, main.rule(), PolicyFinding.Scope.MAIN, p.chain()));
            }
            Set<String> inMain = l.main().map(SpdxExpression::licenseIds).orElse(Set.of());
            for (String id : l.licenses()) {
                if (inMain.contains(id)) {
                    continue;
                }
                LicensePolicy.Verdict v = policy.verdict(id, categories);
                if (v.action() == PolicyAction.DENY && !v.rule().equals("default")) {
                    findings.add(new PolicyFinding(PolicyAction.WARN, l.name(), l.pkg().version().toString(), p.layer(),
                            id, categories.of(id).id(), v.rule(), PolicyFinding.Scope.OTHER_FILES, p.chain()));
                }
            }
        }
        findings.sort(Comparator.comparing(PolicyFinding::action).reversed()
                .thenComparing(f -> f.scope().ordinal()));
        return findings;
    }

    private LicensePolicy.Verdict verdict(LicensePolicy policy, SpdxExpression e) {
        if (e instanceof SpdxExpression.License l) {
            return policy.verdict(l.id(), categories);
        }
        List<SpdxExpression> terms = e instanceof SpdxExpression.And a ? a.terms() : ((SpdxExpression.Or) e).terms();
        Comparator<LicensePolicy.Verdict> bySeverity = Comparator.comparing(LicensePolicy.Verdict::action);
        List<LicensePolicy.Verdict> verdicts = terms.stream().map(t -> verdict(policy, t)).toList();
        return e instanceof SpdxExpression.And ? verdicts.stream().max(bySeverity).orElseThrow()
                : verdicts.stream().min(bySeverity).orElseThrow();
    }
}
