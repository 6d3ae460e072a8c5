package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.testing.RealArchive;

/** Reasons, removals and errors on the real bookworm archive. */
@Tag("archive")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolverRealArchiveBehaviourTest {

    private Resolver resolver;

    @BeforeAll
    void load() {
        resolver = new Resolver(RealArchive.catalog("bookworm", "amd64"), "amd64");
    }

    private ResolveRequest minbase() {
        return ResolveRequest.base(BaseVariant.MINBASE, "bookworm");
    }

    @Test
    void minbase_pullsUsrmergeAndPerl_throughTheFirstAlternativeOfInitSystemHelpers() {
        Resolution r = resolver.resolve(minbase());

        assertThat(r.find("usrmerge").orElseThrow().reason().describe())
                .isEqualTo("dependency of init-system-helpers via `Depends: usrmerge | usr-is-merged`");
        assertThat(r.contains("perl")).isTrue();
        assertThat(r.contains("usr-is-merged")).isFalse();
        assertThat(r.find("bash").orElseThrow().reason().describe()).isEqualTo("part of the base (Essential: yes)");
        assertThat(r.find("apt").orElseThrow().reason().kind()).isEqualTo(Reason.Kind.BASE);
    }

    @Test
    void everyPackageOfADesktop_hasAReason() {
        Resolution r = resolver.resolve(minbase().withInstall("gnome-core"));

        assertThat(r.find("gnome-core").orElseThrow().reason().kind()).isEqualTo(Reason.Kind.REQUESTED);
        assertThat(r.packages()).allSatisfy(p -> assertThat(p.reason().describe()).doesNotContain("(nothing)"));
    }

    @Test
    void removingWhatTheBaseNeeds_isRefusedWithWhoNeedsIt() {
        assertThatThrownBy(() -> resolver.resolve(minbase().withRemove("usrmerge")))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("cannot remove 'usrmerge'")
                .hasMessageContaining("init-system-helpers (Depends: usrmerge | usr-is-merged)");
    }

    @Test
    void removingAnEssentialPackage_isRefused() {
        assertThatThrownBy(() -> resolver.resolve(minbase().withRemove("coreutils")))
                .isInstanceOf(EngineException.class).hasMessageContaining("Essential");
    }

    @Test
    void removingALibraryARequestNeeds_dropsTheRequestAndSaysWhy() {
        Resolution r = resolver.resolve(minbase().withInstall("curl", "git").withRemove("libcurl4"));

        assertThat(r.contains("curl")).isFalse();
        assertThat(r.contains("libcurl4")).isFalse();
        assertThat(r.contains("git")).isTrue();
        assertThat(r.removed()).extracting(RemovedPackage::name).contains("libcurl4", "curl");
        assertThat(r.removed().stream().filter(p -> p.name().equals("curl")).findFirst().orElseThrow().why())
                .contains("libcurl4");
    }

    @Test
    void unknownPackage_isNamed() {
        assertThatThrownBy(() -> resolver.resolve(minbase().withInstall("no-such-package-here")))
                .isInstanceOf(EngineException.class).hasMessageContaining("no-such-package-here");
    }

    @Test
    void conflictingRequests_failNamingTheConflict() {
        assertThatThrownBy(() -> resolver.resolve(minbase().withInstall("postfix", "exim4-daemon-light")))
                .isInstanceOf(UnsatisfiableException.class)
                .hasMessageContaining("Conflicts: mail-transport-agent");
    }
}
