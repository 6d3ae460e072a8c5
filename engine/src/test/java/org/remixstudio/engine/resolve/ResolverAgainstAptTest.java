package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.remixstudio.engine.catalog.Catalog;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.testing.CatalogBuilder;
import org.remixstudio.engine.testing.SyntheticAptRepo;

/**
 * Small catalogs from code, resolved by us and by the host's real apt (on a local file repository,
 * no network): the installed set, or the failure, must be the same.
 */
class ResolverAgainstAptTest {

    record Scenario(String name, Catalog catalog, List<String> install, boolean recommends) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("first alternative", new CatalogBuilder().pkg("a", "1").depends("big | small")
                        .pkg("big", "1").depends("extra").pkg("extra", "1").pkg("small", "1").build(), List.of("a"), false),
                new Scenario("alternative with broken dependency", new CatalogBuilder().pkg("a", "1")
                        .depends("broken | ok").pkg("broken", "1").depends("missing").pkg("ok", "1").build(),
                        List.of("a"), false),
                new Scenario("providers by priority", new CatalogBuilder().pkg("a", "1").depends("mta")
                        .pkg("postfix", "1").provides("mta").priority(Priority.OPTIONAL)
                        .pkg("exim", "1").provides("mta").priority(Priority.STANDARD).build(), List.of("a"), false),
                new Scenario("equal providers: higher id", new CatalogBuilder().pkg("a", "1").depends("mta")
                        .pkg("zzz", "1").provides("mta").pkg("aaa", "1").provides("mta").build(), List.of("a"), false),
                new Scenario("essential provider", new CatalogBuilder().pkg("a", "1").depends("sh")
                        .pkg("fancy", "1").provides("sh").priority(Priority.REQUIRED)
                        .pkg("dash", "1").provides("sh").essential().priority(Priority.OPTIONAL).build(),
                        List.of("a"), false),
                new Scenario("protected provider", new CatalogBuilder().pkg("a", "1").depends("init")
                        .pkg("sysv", "1").provides("init").priority(Priority.IMPORTANT)
                        .pkg("systemd-sysv", "1").provides("init").important().build(), List.of("a"), false),
                new Scenario("real package beats providers", new CatalogBuilder().pkg("a", "1").depends("lsb-base")
                        .pkg("sysvinit-utils", "1").provides("lsb-base (= 11)").essential()
                        .pkg("lsb-base", "11").build(), List.of("a"), false),
                new Scenario("versioned provides", new CatalogBuilder().pkg("a", "1").depends("api (>= 2)")
                        .pkg("old", "1").provides("api (= 1)").pkg("new", "1").provides("api (= 2)").build(),
                        List.of("a"), false),
                new Scenario("conflicting alternative", new CatalogBuilder().pkg("a", "1").depends("bad | good")
                        .pkg("bad", "1").conflicts("a").pkg("good", "1").build(), List.of("a"), false),
                new Scenario("breaking alternative", new CatalogBuilder().pkg("a", "1").depends("bad | good")
                        .pkg("bad", "1").breaks("a (<< 2)").pkg("good", "1").build(), List.of("a"), false),
                // (a cycle through Pre-Depends resolves the same, but apt then fails to order it: "Conf Broken")
                new Scenario("dependency cycle", new CatalogBuilder().pkg("a", "1").depends("b").pkg("b", "1")
                        .depends("c").pkg("c", "1").depends("a").build(), List.of("a"), false),
                new Scenario("recommends", new CatalogBuilder().pkg("a", "1").recommends("b | c").pkg("b", "1")
                        .depends("gone").pkg("c", "1").build(), List.of("a"), true),
                new Scenario("python3:any", new CatalogBuilder().pkg("tool", "1").depends("python3:any, awk:any")
                        .pkg("python3", "3.11").multiArch(MultiArch.ALLOWED)
                        .pkg("mawk", "1").provides("awk").multiArch(MultiArch.ALLOWED).build(), List.of("tool"), false),
                new Scenario("native arch qualifier, package met before", new CatalogBuilder()
                        .pkg("libstdc++-dev", "14").pkg("ghc", "9").recommends("libstdc++-dev:amd64").build(),
                        List.of("ghc"), true),
                new Scenario("native arch qualifier, package met after", new CatalogBuilder()
                        .pkg("ghc", "9").depends("libstdc++-dev:amd64").pkg("libstdc++-dev", "14").build(),
                        List.of("ghc"), false),
                new Scenario("perl:any needs allowed", new CatalogBuilder().pkg("tool", "1").depends("perl:any")
                        .pkg("perl", "5").build(), List.of("tool"), false),
                new Scenario("conflict resolved by other alternative", new CatalogBuilder()
                        .pkg("a", "1").depends("c | d").pkg("b", "1").depends("e")
                        .pkg("c", "1").pkg("d", "1").pkg("e", "1").conflicts("c").build(), List.of("a", "b"), false),
                new Scenario("conflict deep in auto packages", new CatalogBuilder()
                        .pkg("a", "1").depends("x").pkg("x", "1").depends("c | d").pkg("b", "1").depends("e")
                        .pkg("c", "1").pkg("d", "1").pkg("e", "1").conflicts("c").build(), List.of("a", "b"), false),
                new Scenario("conflict with a provider", new CatalogBuilder()
                        .pkg("a", "1").depends("mta").pkg("b", "1").depends("e")
                        .pkg("exim", "1").provides("mta").priority(Priority.STANDARD)
                        .pkg("postfix", "1").provides("mta")
                        .pkg("e", "1").conflicts("exim").build(), List.of("a", "b"), false),
                new Scenario("requests in conflict", new CatalogBuilder().pkg("a", "1").conflicts("b").pkg("b", "1")
                        .build(), List.of("a", "b"), false),
                new Scenario("version constraint chain", new CatalogBuilder().pkg("a", "1").depends("b")
                        .pkg("b", "1").depends("c (>= 2)").pkg("c", "1").build(), List.of("a"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void resolve_givesAptsAnswer(Scenario s) {
        SyntheticAptRepo.Answer apt = SyntheticAptRepo.install(s.catalog(), s.install(), s.recommends());
        ResolveRequest request = ResolveRequest.base(BaseVariant.NONE, null)
                .withInstall(s.install().toArray(String[]::new)).withRecommends(s.recommends());
        if (apt.ok()) {
            Resolution ours = new Resolver(s.catalog()).resolve(request);
            assertThat(ours.nameVersions()).as(apt.output()).containsExactlyElementsOf(apt.installs());
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Resolver(s.catalog()).resolve(request))
                    .as(apt.output()).isInstanceOf(UnsatisfiableException.class);
        }
    }
}
