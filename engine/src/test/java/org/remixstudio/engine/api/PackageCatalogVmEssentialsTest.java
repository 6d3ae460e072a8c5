package org.remixstudio.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.repo.LoadedCatalog;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.testing.CatalogBuilder;

class PackageCatalogVmEssentialsTest {

    /** An Essential base and the packages a VM export adds, named as in Debian, with made-up sizes. */
    private static CatalogBuilder essentials() {
        CatalogBuilder b = new CatalogBuilder();
        b.pkg("dash", "1").essential().sizes(200, 90_000)
                .pkg("base-files", "2").essential().sizes(400, 70_000)
                .pkg("linux-image-cloud-amd64", "6.1").depends("linux-image-6.1.0-cloud-amd64").sizes(10, 1_000)
                .pkg("linux-image-6.1.0-cloud-amd64", "6.1").depends("initramfs-tools").sizes(60_000, 20_000_000)
                .pkg("systemd-sysv", "252").depends("systemd").sizes(100, 40_000)
                .pkg("systemd", "252").sizes(20_000, 4_000_000)
                .pkg("initramfs-tools", "0.142").sizes(300, 90_000)
                .pkg("systemd-boot-efi", "252").sizes(500, 120_000)
                .pkg("udev", "252").sizes(9_000, 1_500_000)
                .pkg("systemd-resolved", "252").depends("systemd").sizes(800, 300_000)
                .pkg("e2fsprogs", "1.47").sizes(1_500, 600_000)
                .pkg("dosfstools", "4.2").sizes(300, 140_000);
        return b;
    }

    private static PackageCatalog catalog(CatalogBuilder builder) {
        return new PackageCatalog(new LoadedCatalog(builder.build(), List.of()), "test", EngineSettings.defaults());
    }

    private static RemixSpec remixWith(String... packages) {
        return RemixSpec.of("vm", "test", List.of(new LayerSpec("tools",
                List.of(packages).stream().map(PackageRef::of).toList(), List.of())));
    }

    @Test
    void vmEssentials_addsWhatBootingNeedsAndTheRemixLacks_withSizes() {
        PlannedLayer layer = catalog(essentials()).vmEssentials(remixWith("udev"), "cloud");

        assertThat(layer.name()).isEqualTo("vm-essentials");
        assertThat(layer.added()).extracting(PlannedPackage::name).containsExactlyInAnyOrder(
                "linux-image-cloud-amd64", "linux-image-6.1.0-cloud-amd64", "systemd-sysv", "systemd",
                "initramfs-tools", "systemd-boot-efi", "systemd-resolved", "e2fsprogs", "dosfstools");
        assertThat(layer.added()).extracting(PlannedPackage::layer).containsOnly("vm-essentials");
        assertThat(layer.added()).filteredOn(PlannedPackage::requested).extracting(PlannedPackage::name)
                .contains("linux-image-cloud-amd64", "systemd-sysv").doesNotContain("systemd");
        assertThat(layer.installedSize()).isEqualTo(10 + 60_000 + 100 + 20_000 + 300 + 500 + 800 + 1_500 + 300);
        assertThat(layer.totalInstalledSize()).isEqualTo(layer.installedSize() + 600 + 9_000);
        assertThat(layer.removed()).isEmpty();
    }

    @Test
    void vmEssentials_ofARemixThatHasEverything_isEmpty() {
        PlannedLayer layer = catalog(essentials()).vmEssentials(remixWith("linux-image-cloud-amd64", "systemd-sysv",
                "initramfs-tools", "systemd-boot-efi", "udev", "systemd-resolved", "e2fsprogs", "dosfstools"), "cloud");

        assertThat(layer.added()).isEmpty();
        assertThat(layer.installedSize()).isZero();
    }

    @Test
    void vmEssentials_withTheGenericFlavour_installsTheGenericKernel() {
        CatalogBuilder withGeneric = essentials();
        withGeneric.pkg("linux-image-amd64", "6.1").sizes(10, 1_000);
        PlannedLayer layer = catalog(withGeneric).vmEssentials(remixWith(), "generic");

        assertThat(layer.added()).extracting(PlannedPackage::name).contains("linux-image-amd64")
                .doesNotContain("linux-image-cloud-amd64");
    }

    @Test
    void vmEssentials_withoutTheKernelInTheCatalog_isRefusedNamingItAndTheOtherFlavour() {
        assertThatThrownBy(() -> catalog(essentials()).vmEssentials(remixWith(), "generic"))
                .isInstanceOf(EngineException.class).hasMessageContaining("linux-image-amd64")
                .hasMessageContaining("cloud");
    }

    @Test
    void vmEssentials_ofAnUnknownFlavour_isRefused() {
        assertThatThrownBy(() -> catalog(essentials()).vmEssentials(remixWith(), "rt"))
                .isInstanceOf(EngineException.class).hasMessageContaining("'rt'").hasMessageContaining("generic");
    }
}
