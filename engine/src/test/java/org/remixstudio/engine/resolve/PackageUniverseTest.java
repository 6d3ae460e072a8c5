package org.remixstudio.engine.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.testing.CatalogBuilder;

class PackageUniverseTest {

    @Test
    void bucket_isAptsSHashModuloTheDefaultTableSize() {
        // values from apt's sHash (checked: sorting all bookworm names by them reproduces the
        // order `apt-cache pkgnames` prints, which walks apt's hash table)
        assertThat(PackageUniverse.bucket("apt")).isEqualTo(19250);
        assertThat(PackageUniverse.bucket("usrmerge")).isEqualTo(101458);
        assertThat(PackageUniverse.bucket("libc6")).isEqualTo(97736);
        assertThat(PackageUniverse.bucket("init-system-helpers")).isEqualTo(135650);
    }

    @Test
    void allInHashOrder_sortsByBucketThenLengthThenBytes() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder().pkg("libc6", "1").pkg("apt", "1")
                .pkg("usrmerge", "1").build(), "amd64");

        int[] order = u.allInHashOrder();

        assertThat(order).containsExactly(u.id("apt"), u.id("libc6"), u.id("usrmerge"));
    }

    @Test
    void ids_followTheOrderAptMeetsNames_includingNamesOnlyMentionedInRelations() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder().pkg("b", "1").depends("z").pkg("a", "1").build(),
                "amd64");

        assertThat(u.id("b")).isLessThan(u.id("z"));
        assertThat(u.id("z")).isLessThan(u.id("a"));
    }

    @Test
    void multiArchAllowed_providesTheAnyName_andForeignDoesNot() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder()
                .pkg("python3", "3").multiArch(MultiArch.ALLOWED)
                .pkg("make", "4").multiArch(MultiArch.FOREIGN).priority(Priority.OPTIONAL).build(), "amd64");

        assertThat(u.providers(u.id("python3:any"))).extracting(p -> p.owner().bp.name()).containsExactly("python3");
        assertThat(u.id("make:any")).isEqualTo(-1);
    }

    @Test
    void deps_areMadeOnce_inAptsFieldOrder_withOrGroups() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder().pkg("a", "1").depends("b | c, d")
                .preDepends("e").conflicts("f").build(), "amd64");
        PackageUniverse.Ver a = u.candidate(u.id("a"));

        PackageUniverse.Dep[] deps = a.deps();

        assertThat(a.deps()).isSameAs(deps);
        assertThat(deps).extracting(d -> u.name(d.target)).containsExactly("e", "b", "c", "d", "f");
        assertThat(deps).extracting(d -> d.type).containsExactly(PackageUniverse.PRE_DEPENDS,
                PackageUniverse.DEPENDS, PackageUniverse.DEPENDS, PackageUniverse.DEPENDS, PackageUniverse.CONFLICTS);
        assertThat(deps[1].or).isTrue();
        assertThat(deps[2].or).isFalse();
        assertThat(deps[2].start).isEqualTo(1);
        assertThat(deps[1].end).isEqualTo(2);
        assertThat(deps[3].start).isEqualTo(3);
        assertThat(deps[3].end).isEqualTo(3);
    }

    @Test
    void reverseDepends_listEveryDependencyNamingAPackage() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder().pkg("a", "1").depends("c").pkg("b", "1")
                .conflicts("c").pkg("c", "1").build(), "amd64");

        assertThat(u.reverseDepends(u.id("c"))).extracting(d -> d.parent.bp.name()).containsExactly("a", "b");
        assertThat(u.reverseDepends(u.id("a"))).isEmpty();
    }

    @Test
    void anEntryCarriedByTwoSuites_isOneVersion_theFirstSeen() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder().pkg("a", "1").suite("one").pkg("a", "1")
                .suite("two").pkg("a", "2").suite("two").build(), "amd64");

        assertThat(u.versions(u.id("a"))).extracting(v -> v.bp.version().toString() + "@" + v.bp.origin().suite())
                .containsExactly("2@two", "1@one");
    }

    @Test
    void aNativeQualifiedName_metBeforeThePackage_isProvidedByItsVersions() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder().pkg("tool", "1").depends("gcc:amd64")
                .pkg("gcc", "12").build(), "amd64");

        assertThat(u.id("gcc:amd64")).isLessThan(u.id("gcc"));
        assertThat(u.providers(u.id("gcc:amd64"))).singleElement().satisfies(p -> {
            assertThat(p.owner().bp.name()).isEqualTo("gcc");
            assertThat(p.implicit()).isTrue();
        });
    }

    @Test
    void hashOrder_ofEveryName_isAptsTableOrder() {
        PackageUniverse u = new PackageUniverse(new CatalogBuilder().pkg("usrmerge", "1").depends("libc6")
                .pkg("apt", "1").pkg("libc6", "1").build(), "amd64");

        assertThat(java.util.Arrays.stream(u.allInHashOrder()).mapToObj(u::name)).containsExactly("apt", "libc6", "usrmerge");
    }
}
