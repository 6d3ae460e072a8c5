package org.remixstudio.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remixstudio.engine.spec.RemixLockReaderWriterTest.A;
import static org.remixstudio.engine.spec.RemixLockReaderWriterTest.B;
import static org.remixstudio.engine.spec.RemixLockReaderWriterTest.C;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.EngineException;

class LockCheckTest {

    private static final String D = "d".repeat(64);
    private static final String MIRROR = "http://mirror.example/debian/";

    private static RemixLock lock(String specSha, List<ReleaseDigest> releases, List<LockedLayer> layers) {
        return new RemixLock(1, specSha, releases, layers);
    }

    private static LockedPackage pkg(String name, String version, String sha) {
        return new LockedPackage(name, version, "amd64", sha);
    }

    @Test
    void sameSet_matches() {
        LockCheck check = LockCheck.compare(RemixLockReaderWriterTest.sample(), RemixLockReaderWriterTest.sample());
        assertThat(check.matches()).isTrue();
        assertThat(check.changes()).isEmpty();
        assertThat(check.message("web.remix.lock.json")).isEqualTo("web.remix.lock.json matches: nothing moved");
        check.requireMatch("web.remix.lock.json");
    }

    @Test
    void everyKindOfMove_isListedInAStableOrder() {
        RemixLock locked = lock(A,
                List.of(new ReleaseDigest(MIRROR, "bookworm", A), new ReleaseDigest(MIRROR, "bookworm-updates", B)),
                List.of(new LockedLayer("base", List.of(pkg("libc6", "2.36-9+deb12u13", A), pkg("zlib1g", "1:1.2.13.dfsg-1", B))),
                        new LockedLayer("web", List.of(pkg("nginx", "1.22.1-9", C), pkg("libfoo1", "1.0-1", D))),
                        new LockedLayer("old", List.of())));
        RemixLock fresh = lock(B,
                List.of(new ReleaseDigest(MIRROR, "bookworm", A), new ReleaseDigest(MIRROR, "bookworm-security", C)),
                List.of(new LockedLayer("base", List.of(pkg("libc6", "2.36-9+deb12u14", A), pkg("zlib1g", "1:1.2.13.dfsg-1", C))),
                        new LockedLayer("web", List.of(pkg("nginx", "1.22.1-9+deb12u1", C), pkg("libbar2", "2.0-1", D))),
                        new LockedLayer("new", List.of(pkg("curl", "7.88.1-10", A)))));
        LockCheck check = LockCheck.compare(locked, fresh);
        assertThat(check.matches()).isFalse();
        assertThat(check.changes()).extracting(LockChange::kind).containsExactly(
                LockChange.Kind.SPEC_CHANGED,
                LockChange.Kind.RELEASE_ADDED,
                LockChange.Kind.RELEASE_REMOVED,
                LockChange.Kind.VERSION_CHANGED,
                LockChange.Kind.DEB_CHANGED,
                LockChange.Kind.PACKAGE_ADDED,
                LockChange.Kind.PACKAGE_REMOVED,
                LockChange.Kind.VERSION_CHANGED,
                LockChange.Kind.LAYER_ADDED,
                LockChange.Kind.PACKAGE_ADDED,
                LockChange.Kind.LAYER_REMOVED);
        assertThat(check.message("web.remix.lock.json")).isEqualTo("""
                web.remix.lock.json no longer matches what the spec resolves to (11 changes):
                  the spec changed since the lock was made (sha256 aaaaaaaaaaaa… -> bbbbbbbbbbbb…)
                  Release http://mirror.example/debian/ bookworm-security is used now but was not locked
                  Release http://mirror.example/debian/ bookworm-updates was locked but is not used now
                  layer base: libc6 (amd64) 2.36-9+deb12u13 -> 2.36-9+deb12u14
                  layer base: zlib1g (amd64) same version, different .deb (sha256 bbbbbbbbbbbb… -> cccccccccccc…)
                  layer web: + libbar2 (amd64) 2.0-1
                  layer web: - libfoo1 (amd64) 1.0-1
                  layer web: nginx (amd64) 1.22.1-9 -> 1.22.1-9+deb12u1
                  layer new is new
                  layer new: + curl (amd64) 7.88.1-10
                  layer old is gone
                Run `remix lock` to record the new set if these changes are wanted.""");
    }

    @Test
    void changedRelease_isOneChangeWithBothDigests() {
        RemixLock locked = lock(A, List.of(new ReleaseDigest(MIRROR, "bookworm", A)), List.of());
        RemixLock fresh = lock(A, List.of(new ReleaseDigest(MIRROR, "bookworm", B)), List.of());
        assertThat(LockCheck.compare(locked, fresh).changes()).containsExactly(
                new LockChange(LockChange.Kind.RELEASE_CHANGED, "", MIRROR + " bookworm", A, B));
        assertThat(LockCheck.compare(locked, fresh).changes().get(0).describe()).isEqualTo(
                "Release http://mirror.example/debian/ bookworm changed (sha256 aaaaaaaaaaaa… -> bbbbbbbbbbbb…): the archive was updated");
    }

    @Test
    void samePackageOnAnotherArchitecture_isARemovalAndAnAddition() {
        RemixLock locked = lock(A, List.of(), List.of(new LockedLayer("web", List.of(pkg("tzdata", "2025b-0+deb12u1", A)))));
        RemixLock fresh = lock(A, List.of(), List.of(new LockedLayer("web",
                List.of(new LockedPackage("tzdata", "2025b-0+deb12u1", "all", A)))));
        assertThat(LockCheck.compare(locked, fresh).changes()).extracting(LockChange::describe).containsExactly(
                "layer web: + tzdata (all) 2025b-0+deb12u1", "layer web: - tzdata (amd64) 2025b-0+deb12u1");
    }

    @Test
    void requireMatch_throwsTheMessage() {
        RemixLock locked = lock(A, List.of(), List.of());
        RemixLock fresh = lock(B, List.of(), List.of());
        assertThatThrownBy(() -> LockCheck.compare(locked, fresh).requireMatch("x.remix.lock.json"))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("x.remix.lock.json no longer matches what the spec resolves to (1 change):");
    }

    @Test
    void requireSamePackages_specAndReleaseChangesAloneAreNotes() {
        RemixLock locked = lock(A, List.of(new ReleaseDigest(MIRROR, "bookworm", A)),
                List.of(new LockedLayer("web", List.of(pkg("nginx", "1.22.1-9", C)))));
        RemixLock fresh = lock(B, List.of(new ReleaseDigest(MIRROR, "bookworm", B)),
                List.of(new LockedLayer("web", List.of(pkg("nginx", "1.22.1-9", C)))));

        assertThat(LockCheck.compare(locked, fresh).requireSamePackages("web.remix.lock.json")).containsExactly(
                "web.remix.lock.json: the spec changed since the lock was made (sha256 aaaaaaaaaaaa… -> bbbbbbbbbbbb…);"
                        + " every locked package is unchanged",
                "web.remix.lock.json: Release http://mirror.example/debian/ bookworm changed (sha256 aaaaaaaaaaaa…"
                        + " -> bbbbbbbbbbbb…): the archive was updated; every locked package is unchanged");
    }

    @Test
    void requireSamePackages_aMovedPackageFailsListingEveryChange() {
        RemixLock locked = lock(A, List.of(new ReleaseDigest(MIRROR, "bookworm", A)),
                List.of(new LockedLayer("web", List.of(pkg("nginx", "1.22.1-9", C)))));
        RemixLock fresh = lock(A, List.of(new ReleaseDigest(MIRROR, "bookworm", B)),
                List.of(new LockedLayer("web", List.of(pkg("nginx", "1.22.1-9+deb12u1", D)))));

        assertThatThrownBy(() -> LockCheck.compare(locked, fresh).requireSamePackages("web.remix.lock.json"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("(2 changes)")
                .hasMessageContaining("Release http://mirror.example/debian/ bookworm changed")
                .hasMessageContaining("layer web: nginx (amd64) 1.22.1-9 -> 1.22.1-9+deb12u1")
                .hasMessageContaining("Run `remix lock`");
    }
}
