package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.testing.CatalogBuilder;

class ResolverTest {

    private static Resolution install(Catalog catalog, String... packages) {
        return new Resolver(catalog).resolve(ResolveRequest.base(BaseVariant.NONE, null).withInstall(packages));
    }

    private static List<String> names(Resolution r) {
        return r.packages().stream().map(ResolvedPackage::name).toList();
    }

    @Nested
    class Alternatives {

        @Test
        void firstAlternativeIsTaken_evenWhenTheSecondIsSmaller() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("big | small")
                    .pkg("big", "1").depends("extra").pkg("extra", "1").pkg("small", "1").build();

            Resolution r = install(c, "a");

            assertThat(names(r)).containsExactly("a", "big", "extra");
            assertThat(r.find("big").orElseThrow().reason().describe())
                    .isEqualTo("dependency of a via `Depends: big | small`");
        }

        @Test
        void laterAlternativeIsUsed_whenTheFirstHasNoPackage() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("gone | small").pkg("small", "1").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "small");
        }

        @Test
        void alreadyChosenAlternative_satisfiesTheGroup() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("first | second")
                    .pkg("first", "1").pkg("second", "1").build();

            assertThat(names(install(c, "second", "a"))).containsExactly("a", "second");
        }

        @Test
        void alternativeWhoseOwnDependencyFails_isAbandonedForTheNext() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("broken | ok")
                    .pkg("broken", "1").depends("missing").pkg("ok", "1").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "ok");
        }
    }

    @Nested
    class VirtualPackages {

        @Test
        void singleProvider_isInstalled() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("mta").pkg("exim", "1").provides("mta").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "exim");
        }

        @Test
        void severalProviders_lowerPriorityValueWins() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("mta")
                    .pkg("postfix", "1").provides("mta").priority(Priority.OPTIONAL)
                    .pkg("exim", "1").provides("mta").priority(Priority.STANDARD).build();

            assertThat(names(install(c, "a"))).containsExactly("a", "exim");
        }

        @Test
        void severalEqualProviders_theOneAptMetLastWins() {
            // apt's last tie-breaker is the higher package ID: the name its cache generator met later
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("mta")
                    .pkg("zzz", "1").provides("mta").pkg("aaa", "1").provides("mta").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "aaa");
        }

        @Test
        void essentialProvider_beatsPriority() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("sh")
                    .pkg("fancy", "1").provides("sh").priority(Priority.REQUIRED)
                    .pkg("dash", "1").provides("sh").essential().priority(Priority.OPTIONAL).build();

            assertThat(names(install(c, "a"))).containsExactly("a", "dash");
        }

        @Test
        void realPackageOfTheName_beatsItsProviders() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("lsb-base")
                    .pkg("sysvinit-utils", "1").provides("lsb-base (= 11)").essential()
                    .pkg("lsb-base", "11").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "lsb-base");
        }

        @Test
        void installedProvider_satisfiesTheDependency() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("lsb-base").priority(Priority.REQUIRED)
                    .pkg("sysvinit-utils", "1").provides("lsb-base (= 11)").essential()
                    .pkg("lsb-base", "11").build();

            Resolution r = new Resolver(c).resolve(ResolveRequest.base(BaseVariant.MINBASE, "test"));

            assertThat(names(r)).containsExactly("a", "sysvinit-utils");
        }

        @Test
        void requestForVirtualName_withOneProvider_selectsIt() {
            Catalog c = new CatalogBuilder().pkg("exim", "1").provides("mta").build();

            assertThat(names(install(c, "mta"))).containsExactly("exim");
        }

        @Test
        void requestForVirtualName_withSeveralProviders_isRefusedNamingThem() {
            Catalog c = new CatalogBuilder().pkg("exim", "1").provides("mta").pkg("postfix", "1").provides("mta").build();

            assertThatThrownBy(() -> install(c, "mta")).isInstanceOf(EngineException.class)
                    .hasMessageContaining("virtual package provided by exim, postfix");
        }
    }

    @Nested
    class Versions {

        @Test
        void versionedProvides_satisfyVersionedDependency() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("api (>= 2)")
                    .pkg("old", "1").provides("api (= 1)").pkg("new", "1").provides("api (= 2)").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "new");
        }

        @Test
        void unversionedProvides_doNotSatisfyVersionedDependency() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("api (>= 2)").pkg("p", "1").provides("api").build();

            assertThatThrownBy(() -> install(c, "a")).isInstanceOf(UnsatisfiableException.class)
                    .hasMessageContaining("a : Depends: api (>= 2)");
        }

        @Test
        void highestVersion_isTheCandidate() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("b (>= 2)").pkg("b", "2").pkg("b", "3").build();

            assertThat(install(c, "a").find("b").orElseThrow().version()).hasToString("3");
        }

        @Test
        void versionTooLow_failsNamingTheChain() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("b").pkg("b", "1").depends("c (>= 2)")
                    .pkg("c", "1").build();

            assertThatThrownBy(() -> install(c, "a")).isInstanceOf(UnsatisfiableException.class)
                    .hasMessageContaining("a : Depends: b -> b : Depends: c (>= 2) but only c 1 is available");
        }

        @Test
        void nameEqualsVersion_installsThatVersion() {
            Catalog c = new CatalogBuilder().pkg("b", "1").pkg("b", "2").build();

            assertThat(install(c, "b=1").find("b").orElseThrow().version()).hasToString("1");
        }

        @Test
        void nameEqualsUnknownVersion_isRefusedListingWhatExists() {
            Catalog c = new CatalogBuilder().pkg("b", "1").pkg("b", "2").build();

            assertThatThrownBy(() -> install(c, "b=7")).isInstanceOf(EngineException.class)
                    .hasMessageContaining("version 7 of 'b'").hasMessageContaining("2, 1");
        }
    }

    @Nested
    class ConflictsAndBreaks {

        @Test
        void alternativeConflictingWithTheRequest_isSkipped() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("bad | good")
                    .pkg("bad", "1").conflicts("a").pkg("good", "1").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "good");
        }

        @Test
        void alternativeBreakingTheRequestVersion_isSkipped() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("bad | good")
                    .pkg("bad", "1").breaks("a (<< 2)").pkg("good", "1").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "good");
        }

        @Test
        void breaksOnAnotherVersion_doesNotMatter() {
            Catalog c = new CatalogBuilder().pkg("a", "2").depends("b").pkg("b", "1").breaks("a (<< 2)").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "b");
        }

        @Test
        void twoRequestsInConflict_fail() {
            Catalog c = new CatalogBuilder().pkg("a", "1").conflicts("b").pkg("b", "1").build();

            assertThatThrownBy(() -> install(c, "a", "b")).isInstanceOf(UnsatisfiableException.class)
                    .hasMessageContaining("Conflicts: b");
        }

        @Test
        void selfConflictThroughProvides_isIgnored() {
            Catalog c = new CatalogBuilder().pkg("a", "1").provides("mta").conflicts("mta").build();

            assertThat(names(install(c, "a"))).containsExactly("a");
        }
    }

    @Nested
    class Structure {

        @Test
        void dependencyCycle_isInstalledOnce() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("b").pkg("b", "1").depends("c")
                    .pkg("c", "1").preDepends("a").build();

            assertThat(names(install(c, "a"))).containsExactly("a", "b", "c");
        }

        @Test
        void preDepends_arePulledLikeDepends() {
            Catalog c = new CatalogBuilder().pkg("a", "1").preDepends("b").pkg("b", "1").build();

            Resolution r = install(c, "a");

            assertThat(names(r)).containsExactly("a", "b");
            assertThat(r.find("b").orElseThrow().reason().relation()).isEqualTo("Pre-Depends: b");
        }

        @Test
        void unsatisfiableDeepDependency_namesTheWholeChain() {
            Catalog c = new CatalogBuilder().pkg("app", "1").depends("lib").pkg("lib", "1").depends("gone").build();

            assertThatThrownBy(() -> install(c, "app")).isInstanceOf(UnsatisfiableException.class)
                    .hasMessageContaining("app : Depends: lib -> lib : Depends: gone but gone is not installable");
        }

        @Test
        void unknownPackage_isNamed() {
            Catalog c = new CatalogBuilder().pkg("a", "1").build();

            assertThatThrownBy(() -> install(c, "nope")).isInstanceOf(EngineException.class)
                    .hasMessageContaining("package 'nope' is not in the catalog");
        }

        @Test
        void packagesComeSortedByName() {
            Catalog c = new CatalogBuilder().pkg("zz", "1").depends("mm").pkg("mm", "1").depends("aa")
                    .pkg("aa", "1").build();

            assertThat(names(install(c, "zz"))).containsExactly("aa", "mm", "zz");
        }

        @Test
        void otherArchitectures_areIgnored_andAllIsIncluded() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("b, data").pkg("b", "1").arch("arm64")
                    .pkg("b", "1").pkg("data", "1").arch("all").build();

            Resolution r = install(c, "a");

            assertThat(names(r)).containsExactly("a", "b", "data");
            assertThat(r.find("b").orElseThrow().pkg().architecture()).isEqualTo("amd64");
        }

        @Test
        void unknownArchitecture_isRefused() {
            Catalog c = new CatalogBuilder().pkg("a", "1").build();

            assertThatThrownBy(() -> new Resolver(c, "riscv64")).isInstanceOf(EngineException.class)
                    .hasMessageContaining("riscv64");
        }
    }

    @Nested
    class MultiArchQualifiers {

        @Test
        void anyQualifier_isSatisfiedByMultiArchAllowed() {
            Catalog c = new CatalogBuilder().pkg("tool", "1").depends("python3:any")
                    .pkg("python3", "3.11").multiArch(MultiArch.ALLOWED).build();

            assertThat(names(install(c, "tool"))).containsExactly("python3", "tool");
        }

        @Test
        void anyQualifier_isNotSatisfiedByAPlainPackage() {
            Catalog c = new CatalogBuilder().pkg("tool", "1").depends("perl:any").pkg("perl", "5").build();

            assertThatThrownBy(() -> install(c, "tool")).isInstanceOf(UnsatisfiableException.class)
                    .hasMessageContaining("tool : Depends: perl:any");
        }

        @Test
        void nativeArchQualifier_isSatisfiedByThePackage_whereverItIsListed() {
            Catalog before = new CatalogBuilder().pkg("lib", "1").pkg("tool", "1").depends("lib:amd64").build();
            Catalog after = new CatalogBuilder().pkg("tool", "1").depends("lib:amd64").pkg("lib", "1").build();

            assertThat(names(install(before, "tool"))).containsExactly("lib", "tool");
            assertThat(names(install(after, "tool"))).containsExactly("lib", "tool");
        }

        @Test
        void anyQualifier_isSatisfiedByAnAllowedProvider() {
            Catalog c = new CatalogBuilder().pkg("tool", "1").depends("awk:any")
                    .pkg("mawk", "1").provides("awk").multiArch(MultiArch.ALLOWED).build();

            assertThat(names(install(c, "tool"))).containsExactly("mawk", "tool");
        }
    }

    @Nested
    class Recommends {

        private final Catalog catalog = new CatalogBuilder().pkg("a", "1").recommends("b").pkg("b", "1").build();

        @Test
        void areIgnoredByDefault() {
            assertThat(names(install(catalog, "a"))).containsExactly("a");
        }

        @Test
        void areInstalledWhenSwitchedOn() {
            Resolution r = new Resolver(catalog).resolve(ResolveRequest.base(BaseVariant.NONE, null)
                    .withInstall("a").withRecommends(true));

            assertThat(names(r)).containsExactly("a", "b");
            assertThat(r.find("b").orElseThrow().reason().relation()).isEqualTo("Recommends: b");
        }

        @Test
        void uninstallableRecommends_doNotFail() {
            Catalog c = new CatalogBuilder().pkg("a", "1").recommends("gone").build();

            Resolution r = new Resolver(c).resolve(ResolveRequest.base(BaseVariant.NONE, null)
                    .withInstall("a").withRecommends(true));

            assertThat(names(r)).containsExactly("a");
        }
    }

    /** A tiny Debian: Essential packages, a required one, the usrmerge choice. */
    static Catalog tinyDebian() {
        return new CatalogBuilder()
                .pkg("libc6", "2.36").priority(Priority.REQUIRED)
                .pkg("bash", "5.2").essential().depends("libc6")
                .pkg("init-system-helpers", "1.65").essential().depends("usrmerge | usr-is-merged, perl-base")
                .pkg("perl-base", "5.36").essential()
                .pkg("usrmerge", "35").depends("perl")
                .pkg("usr-is-merged", "35")
                .pkg("perl", "5.36")
                .pkg("apt", "2.6").priority(Priority.REQUIRED).depends("libc6, gpgv")
                .pkg("gpgv", "2.2").priority(Priority.IMPORTANT)
                .pkg("vim-tiny", "9").priority(Priority.IMPORTANT)
                .pkg("nginx", "1.22").depends("libssl3, libc6")
                .pkg("libssl3", "3.0")
                .pkg("unstable-only", "1").essential().suite("unstable")
                .build();
    }

    @Nested
    class BaseVariants {

        private final Resolver resolver = new Resolver(tinyDebian());

        @Test
        void essential_isTheEssentialSetOfTheSuiteAndItsDependencies() {
            Resolution r = resolver.resolve(ResolveRequest.base(BaseVariant.ESSENTIAL, "test"));

            assertThat(names(r)).containsExactly("bash", "init-system-helpers", "libc6", "perl", "perl-base", "usrmerge");
            assertThat(r.find("bash").orElseThrow().reason().describe()).isEqualTo("part of the base (Essential: yes)");
        }

        @Test
        void minbase_takesUsrmergeAndPerl_becauseAptTakesTheFirstAlternative() {
            Resolution r = resolver.resolve(ResolveRequest.base(BaseVariant.MINBASE, "test"));

            assertThat(names(r)).contains("usrmerge", "perl", "apt", "gpgv").doesNotContain("usr-is-merged", "vim-tiny");
            assertThat(r.find("usrmerge").orElseThrow().reason().describe())
                    .isEqualTo("dependency of init-system-helpers via `Depends: usrmerge | usr-is-merged`");
            assertThat(r.find("apt").orElseThrow().reason().describe())
                    .isEqualTo("part of the base (Priority: required, variant minbase)");
        }

        @Test
        void important_addsPriorityImportant() {
            Resolution r = resolver.resolve(ResolveRequest.base(BaseVariant.IMPORTANT, "test"));

            assertThat(names(r)).contains("vim-tiny", "gpgv");
        }

        @Test
        void none_installsOnlyTheRequest() {
            Resolution r = resolver.resolve(ResolveRequest.base(BaseVariant.NONE, "test").withInstall("nginx"));

            assertThat(names(r)).containsExactly("libc6", "libssl3", "nginx");
        }

        @Test
        void request_isMarkedRequested_onTopOfTheBase() {
            Resolution r = resolver.resolve(ResolveRequest.base(BaseVariant.MINBASE, "test").withInstall("nginx"));

            assertThat(r.find("nginx").orElseThrow().reason().kind()).isEqualTo(Reason.Kind.REQUESTED);
            assertThat(r.find("libssl3").orElseThrow().reason().describe())
                    .isEqualTo("dependency of nginx via `Depends: libssl3, libc6`".replace(", libc6", ""));
        }
    }

    @Nested
    class Removals {

        private final Resolver resolver = new Resolver(tinyDebian());

        @Test
        void removingTheFirstAlternative_makesAptTakeTheNext() {
            Catalog c = new CatalogBuilder().pkg("a", "1").depends("big | small")
                    .pkg("big", "1").pkg("small", "1").build();

            Resolution r = new Resolver(c).resolve(ResolveRequest.base(BaseVariant.NONE, null)
                    .withInstall("a").withRemove("big"));

            assertThat(names(r)).containsExactly("a", "small");
            assertThat(r.removed()).containsExactly(new RemovedPackage("big", "removed on request"));
        }

        @Test
        void removingWhatTheEssentialSetPulledIn_isRefused_evenWithAnAlternative() {
            // mmdebstrap installs the Essential set in an apt call of its own, before any request
            assertThatThrownBy(() -> resolver.resolve(ResolveRequest.base(BaseVariant.ESSENTIAL, "test")
                    .withRemove("usrmerge")))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("needed by init-system-helpers (Depends: usrmerge | usr-is-merged)");
        }

        @Test
        void removingWhatARequestNeeds_removesTheRequestToo_andSaysSo() {
            Resolution r = resolver.resolve(ResolveRequest.base(BaseVariant.NONE, "test")
                    .withInstall("nginx").withRemove("libssl3"));

            assertThat(names(r)).doesNotContain("nginx", "libssl3");
            assertThat(r.removed()).extracting(RemovedPackage::name).containsExactly("libssl3", "nginx");
            assertThat(r.removed().get(1).why()).contains("libssl3").contains("Depends: libssl3");
        }

        @Test
        void removingADeepDependency_removesTheRequestAtTheTopOfTheChain() {
            Catalog c = new CatalogBuilder().pkg("app", "1").depends("lib").pkg("lib", "1").depends("core")
                    .pkg("core", "1").pkg("other", "1").build();

            Resolution r = new Resolver(c).resolve(ResolveRequest.base(BaseVariant.NONE, null)
                    .withInstall("app", "other").withRemove("core"));

            assertThat(names(r)).containsExactly("other");
            assertThat(r.removed()).extracting(RemovedPackage::name).containsExactly("core", "app");
            assertThat(r.removed().get(1).why()).contains("app : Depends: lib -> lib : Depends: core");
        }

        @Test
        void removingAnEssentialPackage_isRefused() {
            assertThatThrownBy(() -> resolver.resolve(ResolveRequest.base(BaseVariant.MINBASE, "test").withRemove("bash")))
                    .isInstanceOf(EngineException.class).hasMessageContaining("'bash'").hasMessageContaining("Essential");
        }

        @Test
        void removingWhatTheBaseNeeds_isRefusedNamingWhoNeedsIt() {
            assertThatThrownBy(() -> resolver.resolve(ResolveRequest.base(BaseVariant.MINBASE, "test").withRemove("gpgv")))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("cannot remove 'gpgv'")
                    .hasMessageContaining("needed by apt (Depends: libc6, gpgv)".replace("libc6, ", ""));
        }
    }
}
