package org.remixstudio.engine.build.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.catalog.BinaryPackage;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.catalog.IndexOrigin;
import org.remixstudio.engine.catalog.MultiArch;
import org.remixstudio.engine.catalog.Priority;
import org.remixstudio.engine.catalog.RelationParser;

class InstallOrderTest {

    @Test
    void dependenciesComeBeforeTheirDependents() {
        List<String> order = names(InstallOrder.of(List.of(pkg("app", false, "", "libb"), pkg("libb", false, "", "liba"),
                pkg("liba", false, "", ""))));
        assertThat(order).containsExactly("liba", "libb", "app");
    }

    @Test
    void essentialPackagesAndWhatTheyNeedComeFirst_evenWhenTheirDependencyIsNotEssential() {
        // login is Essential and needs debconf (not Essential): both belong to the first part, before "aaa"
        List<String> order = names(InstallOrder.of(List.of(pkg("aaa", false, "", ""), pkg("login", true, "", "debconf"),
                pkg("debconf", false, "", ""), pkg("passwd", false, "", ""))));
        assertThat(order).containsExactly("debconf", "login", "aaa", "passwd");
    }

    @Test
    void baseFilesComesFirstOfAll() {
        List<String> order = names(InstallOrder.of(List.of(pkg("bash", true, "libc6", ""), pkg("libc6", true, "", ""),
                pkg("base-files", true, "", "mawk"), pkg("mawk", true, "libc6", ""))));
        assertThat(order.get(0)).isEqualTo("base-files");
        assertThat(order).containsExactly("base-files", "libc6", "mawk", "bash");
    }

    @Test
    void cyclesAreKeptTogetherInNameOrder_andTheOrderIsStable() {
        List<BinaryPackage> set = List.of(pkg("zeta", false, "", "alpha"), pkg("alpha", false, "", "zeta"),
                pkg("user", false, "", "alpha"), pkg("libz", false, "", ""), pkg("mid", false, "", "libz, zeta"));
        List<String> order = names(InstallOrder.of(set));
        assertThat(order).containsExactly("alpha", "zeta", "libz", "mid", "user");
        assertThat(names(InstallOrder.of(List.of(set.get(4), set.get(3), set.get(2), set.get(1), set.get(0)))))
                .isEqualTo(order);
    }

    @Test
    void alternativesAndProvidesCountTheFirstInstalledChoice() {
        BinaryPackage mawk = new BinaryPackage("mawk", DebVersion.parse("1"), "amd64", MultiArch.NO, false,
                Priority.REQUIRED, "misc", 1, 1, "", "f", "mawk", DebVersion.parse("1"), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), RelationParser.parse("awk").get(0).alternatives(),
                "", "", "", new IndexOrigin("http://x/", "s", "s", "main", ""));
        List<String> order = names(InstallOrder.of(List.of(pkg("needs-awk", false, "", "gawk | awk"), mawk)));
        assertThat(order).containsExactly("mawk", "needs-awk");
    }

    private static BinaryPackage pkg(String name, boolean essential, String preDepends, String depends) {
        DebVersion v = DebVersion.parse("1.0");
        return new BinaryPackage(name, v, "amd64", MultiArch.NO, essential, Priority.OPTIONAL, "misc", 1, 1, "",
                "f", name, v, RelationParser.parse(depends), RelationParser.parse(preDepends), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), "", "", "", new IndexOrigin("http://x/", "s", "s", "main", ""));
    }

    private static List<String> names(List<BinaryPackage> packages) {
        return packages.stream().map(BinaryPackage::name).toList();
    }
}
