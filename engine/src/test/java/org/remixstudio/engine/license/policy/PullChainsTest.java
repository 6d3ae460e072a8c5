package org.remixstudio.engine.license.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.license.TestPackages;
import org.remixstudio.engine.resolve.Reason;
import org.remixstudio.engine.resolve.Resolution;
import org.remixstudio.engine.resolve.ResolvedPackage;

class PullChainsTest {

    @Test
    void chain_leadsFromWhatWasAskedForDownToThePackage() {
        Resolution r = new Resolution(List.of(
                new ResolvedPackage(TestPackages.entry("nginx", "1.22", "httpd"), Reason.requested()),
                new ResolvedPackage(TestPackages.entry("libssl3", "3.0", "libs"),
                        Reason.dependency("nginx-core", "Depends: libssl3 (>= 3.0.0)")),
                new ResolvedPackage(TestPackages.entry("nginx-core", "1.22", "httpd"),
                        Reason.dependency("nginx", "Depends: nginx-core | nginx-light")),
                new ResolvedPackage(TestPackages.entry("libc6", "2.36", "libs"), Reason.base("Priority: required"))),
                List.of());
        PullChains chains = new PullChains(r);
        assertThat(chains.chain("libssl3")).containsExactly("nginx (requested)",
                "nginx-core (Depends: nginx-core | nginx-light)", "libssl3 (Depends: libssl3 (>= 3.0.0))");
        assertThat(chains.chain("libc6")).containsExactly("libc6 (base: Priority: required)");
        assertThat(chains.chain("absent")).containsExactly("absent");
    }
}
