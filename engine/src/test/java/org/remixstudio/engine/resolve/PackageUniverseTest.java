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
}
