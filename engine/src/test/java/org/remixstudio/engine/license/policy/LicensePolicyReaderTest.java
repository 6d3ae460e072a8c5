package org.remixstudio.engine.license.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.license.LicenseCategory;
import org.remixstudio.engine.license.SpdxLicenseList;

class LicensePolicyReaderTest {

    private final LicensePolicyReader reader = new LicensePolicyReader(SpdxLicenseList.bundled());

    @Test
    void idsAndCategories_areReadInTheirCanonicalSpelling(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("policy.json"), """
                {"deny": ["AGPL-3.0-only", "non-free"],
                 "warn": ["Strong Copyleft", "unknown", "gpl-2.0+"],
                 "allow": ["LGPL-2.1-or-later", "LicenseRef-public-domain", "GPL-2.0"],
                 "default": "warn"}
                """);
        LicensePolicy p = reader.read(file);
        assertThat(p.origin()).isEqualTo(file.toString());
        assertThat(p.ids()).isEqualTo(Map.of("AGPL-3.0-only", PolicyAction.DENY, "GPL-2.0-or-later", PolicyAction.WARN,
                "LGPL-2.1-or-later", PolicyAction.ALLOW, "LicenseRef-public-domain", PolicyAction.ALLOW,
                "GPL-2.0-only", PolicyAction.ALLOW));
        assertThat(p.categories()).isEqualTo(Map.of(LicenseCategory.NON_FREE, PolicyAction.DENY,
                LicenseCategory.STRONG_COPYLEFT, PolicyAction.WARN, LicenseCategory.UNKNOWN, PolicyAction.WARN));
        assertThat(p.fallback()).isEqualTo(PolicyAction.WARN);
    }

    @Test
    void anEmptyPolicy_allowsEverything() {
        LicensePolicy p = reader.read("{}", "p.json");
        assertThat(p.ids()).isEmpty();
        assertThat(p.fallback()).isEqualTo(PolicyAction.ALLOW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[] | p.json: $: the policy must be a JSON object",
            "{\"forbid\": []} | p.json: $.forbid: unknown field",
            "{\"deny\": \"MIT\"} | p.json: $.deny: must be an array",
            "{\"deny\": [\"MIT\", 3]} | p.json: $.deny[1]: must be a string",
            "{\"warn\": [\"MIT\", \"FooBar-1\"]} | p.json: $.warn[1]: 'FooBar-1' is neither a category",
            "{\"deny\": [\"AGPL-3\"]} | did you mean AGPL-3.0-only?",
            "{\"deny\": [\"MIT\"], \"allow\": [\"mit\"]} | p.json: $.deny[0]: 'MIT' is already listed at $.allow[0]",
            "{\"default\": \"block\"} | p.json: $.default: must be \"allow\", \"warn\" or \"deny\"",
            "{\"deny\": [\"MIT\" | p.json: not valid JSON at line 1",
    })
    void mistakes_nameTheFileAndTheJsonPath(String json, String message) {
        assertThatThrownBy(() -> reader.read(json, "p.json")).isInstanceOf(EngineException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMissingFile_isNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.json"))).isInstanceOf(EngineException.class)
                .hasMessageContaining("nope.json: no such policy file");
    }
}
