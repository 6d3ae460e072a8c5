package org.remixstudio.engine.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaintainerTest {

    @Test
    void parse_nameAndAddress() {
        Maintainer m = Maintainer.parse("Guillem Jover <guillem@debian.org>");
        assertThat(m).isEqualTo(new Maintainer("Guillem Jover", "guillem@debian.org"));
        assertThat(m.spdx()).isEqualTo("Person: Guillem Jover (guillem@debian.org)");
    }

    @Test
    void parse_teamsAreOrganizations() {
        assertThat(Maintainer.parse("Debian Perl Group <pkg-perl-maintainers@lists.alioth.debian.org>").spdx())
                .startsWith("Organization: Debian Perl Group");
        assertThat(Maintainer.parse("APT Development Team <deity@lists.debian.org>").isOrganization()).isTrue();
    }

    @Test
    void hasMailbox_onlyForAddressesInARealTopLevelDomain() {
        assertThat(Maintainer.parse("A <a@debian.org>").hasMailbox()).isTrue();
        assertThat(Maintainer.parse("A <a@fixture.invalid>").hasMailbox()).isFalse();
        assertThat(Maintainer.parse("A <not an address>").hasMailbox()).isFalse();
        assertThat(Maintainer.parse("A").hasMailbox()).isFalse();
    }

    @Test
    void parse_withoutAddress_keepsTheWholeField() {
        assertThat(Maintainer.parse("Nobody").spdx()).isEqualTo("Person: Nobody");
    }
}
