package org.remixstudio.engine.license.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.license.Evidence;
import org.remixstudio.engine.license.LicenseCategories;
import org.remixstudio.engine.license.PackageLicense;
import org.remixstudio.engine.license.SourceKey;
import org.remixstudio.engine.license.SourceLicense;
import org.remixstudio.engine.license.SpdxExpressionParser;
import org.remixstudio.engine.license.SpdxLicenseList;
import org.remixstudio.engine.license.TestPackages;
import org.remixstudio.engine.catalog.BinaryPackage;

class PolicyEvaluatorTest {

    private static final SpdxLicenseList LIST = SpdxLicenseList.bundled();
    private final PolicyEvaluator evaluator = new PolicyEvaluator(LicenseCategories.bundled());
    private final LicensePolicyReader reader = new LicensePolicyReader(LIST);

    private static AuditedPackage pkg(String name, String spdx, String section, String... others) {
        BinaryPackage p = TestPackages.entry(name, "1.0", section);
        TreeSet<String> all = new TreeSet<>(List.of(others));
        Optional<org.remixstudio.engine.license.SpdxExpression> main = spdx == null ? Optional.empty()
                : Optional.of(new SpdxExpressionParser(LIST).parse(spdx));
        main.ifPresent(e -> all.addAll(e.licenseIds()));
        SourceLicense l = new SourceLicense(SourceKey.of(p), main, all, main.isPresent() ? Evidence.DECLARED
                : Evidence.UNKNOWN, main.isPresent() ? "" : "no copyright file", name);
        return new AuditedPackage(new PackageLicense(p, l, PackageLicense.isNonFree(p)), "web",
                List.of("nginx (requested)", name + " (Depends: " + name + ")"));
    }

    @Test
    void theIssueExample_deniesAgplAndWarnsAboutStrongCopyleft() {
        LicensePolicy policy = reader.read("{\"deny\":[\"AGPL-3.0-only\"],\"warn\":[\"strong-copyleft\"]}", "p.json");
        List<PolicyFinding> f = evaluator.evaluate(policy, List.of(
                pkg("mit-lib", "MIT", "libs"),
                pkg("gpl-tool", "GPL-2.0-or-later", "utils"),
                pkg("agpl-server", "AGPL-3.0-only", "net")));
        assertThat(f).extracting(PolicyFinding::action, PolicyFinding::pkg, PolicyFinding::license, PolicyFinding::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PolicyAction.DENY, "agpl-server", "AGPL-3.0-only", "AGPL-3.0-only"),
                        org.assertj.core.groups.Tuple.tuple(PolicyAction.WARN, "gpl-tool", "GPL-2.0-or-later", "strong-copyleft"));
        assertThat(f.get(0).layer()).isEqualTo("web");
        assertThat(f.get(0).chain()).containsExactly("nginx (requested)", "agpl-server (Depends: agpl-server)");
        assertThat(f.get(1).category()).isEqualTo("strong-copyleft");
    }

    @Test
    void orTakesTheMildestChoice_andTakesTheStrictest() {
        LicensePolicy policy = reader.read("{\"deny\":[\"strong-copyleft\"]}", "p.json");
        assertThat(evaluator.evaluate(policy, List.of(pkg("dual", "MIT OR GPL-2.0-only", "libs")))).isEmpty();
        assertThat(evaluator.evaluate(policy, List.of(pkg("both", "MIT AND GPL-2.0-only", "libs"))))
                .extracting(PolicyFinding::action).containsExactly(PolicyAction.DENY);
    }

    @Test
    void anIdRule_beatsItsCategoryRule() {
        LicensePolicy policy = reader.read("{\"allow\":[\"GPL-2.0-only\"],\"deny\":[\"strong-copyleft\"]}", "p.json");
        assertThat(evaluator.evaluate(policy, List.of(pkg("a", "GPL-2.0-only", "libs")))).isEmpty();
        assertThat(evaluator.evaluate(policy, List.of(pkg("b", "GPL-3.0-only", "libs")))).hasSize(1);
    }

    @Test
    void unknownLicenses_andNonFreeComponents_areJudgedByTheirCategory() {
        LicensePolicy policy = reader.read("{\"warn\":[\"unknown\"],\"deny\":[\"non-free\"]}", "p.json");
        List<PolicyFinding> f = evaluator.evaluate(policy, List.of(
                pkg("mystery", null, "libs"),
                pkg("firmware-x", "GPL-2.0-only", "non-free-firmware/kernel")));
        assertThat(f).extracting(PolicyFinding::pkg, PolicyFinding::action, PolicyFinding::rule, PolicyFinding::license)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("firmware-x", PolicyAction.DENY, "non-free", "GPL-2.0-only"),
                        org.assertj.core.groups.Tuple.tuple("mystery", PolicyAction.WARN, "unknown", "NOASSERTION"));
        assertThat(f.get(0).category()).isEqualTo("non-free");
    }

    @Test
    void licensesOfSomeFilesOnly_areAtMostWarnings() {
        LicensePolicy policy = reader.read("{\"deny\":[\"AGPL-3.0-or-later\"]}", "p.json");
        List<PolicyFinding> f = evaluator.evaluate(policy, List.of(pkg("mixed", "MIT", "libs", "AGPL-3.0-or-later")));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.action()).isEqualTo(PolicyAction.WARN);
            assertThat(x.scope()).isEqualTo(PolicyFinding.Scope.OTHER_FILES);
            assertThat(x.license()).isEqualTo("AGPL-3.0-or-later");
        });
    }

    @Test
    void theDefault_appliesToLicensesNoRuleNames() {
        LicensePolicy policy = reader.read("{\"allow\":[\"permissive\"],\"default\":\"deny\"}", "p.json");
        assertThat(evaluator.evaluate(policy, List.of(pkg("a", "MIT", "libs"), pkg("b", "LGPL-2.1-only", "libs"))))
                .extracting(PolicyFinding::pkg, PolicyFinding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "default"));
    }
}
