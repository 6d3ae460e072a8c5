package org.remixstudio.engine.build.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.spec.Customizations;
import org.remixstudio.engine.spec.FileSpec;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;
import org.remixstudio.engine.spec.RemixSpecReader;

class VmEssentialsTest {

    private static final DiskIds IDS = DiskIds.forSpec("ab".repeat(32));

    private static RemixSpec spec(Customizations c) {
        RemixSpec s = RemixSpec.of("my_vm", "bookworm", List.of(new LayerSpec("tools", List.of(PackageRef.of("less")),
                List.of())));
        return new RemixSpec(s.specVersion(), s.name(), "", s.sources(), s.suite(), s.architecture(), s.variant(),
                false, s.layers(), c, s.container(), s.timestamp());
    }

    @Test
    void prepare_addsTheEssentialsLayerOnTop() {
        RemixSpec vm = new VmEssentials(KernelFlavour.CLOUD).prepare(spec(Customizations.NONE), IDS);

        assertThat(vm.layers()).extracting(LayerSpec::name).containsExactly("tools", VmEssentials.LAYER);
        assertThat(vm.layers().get(1).add()).extracting(PackageRef::name).containsExactly("linux-image-cloud-amd64",
                "systemd-sysv", "initramfs-tools", "systemd-boot-efi", "udev", "systemd-resolved");
        new RemixSpecReader().validate(vm);
    }

    @Test
    void prepare_writesFstabByUuid_networkAndFirstBootSshKeys() {
        Customizations c = new VmEssentials(KernelFlavour.GENERIC).prepare(spec(Customizations.NONE), IDS)
                .customizations();

        FileSpec fstab = c.files().stream().filter(f -> f.path().equals("/etc/fstab")).findFirst().orElseThrow();
        assertThat(fstab.content().orElseThrow())
                .contains("UUID=" + IDS.rootFilesystem() + " / ext4 rw,errors=remount-ro 0 1")
                .contains("UUID=" + IDS.espSerialText() + " /boot/efi vfat");
        assertThat(c.files()).extracting(FileSpec::path).contains("/etc/systemd/network/80-remix-dhcp.network",
                "/etc/systemd/system/" + VmEssentials.SSH_KEYS_UNIT);
        assertThat(c.services()).containsExactly("systemd-networkd.service", "systemd-resolved.service",
                VmEssentials.SSH_KEYS_UNIT);
        assertThat(c.hostname()).contains("my-vm");
    }

    @Test
    void prepare_keepsTheSpecsOwnSettings_whichWinOverTheDefaults() {
        Customizations own = new Customizations(List.of(), Optional.of("web1"), Optional.empty(), Optional.empty(),
                List.of(FileSpec.text("/etc/fstab", "mine\n")), List.of("nginx.service"));

        Customizations c = new VmEssentials(KernelFlavour.CLOUD).prepare(spec(own), IDS).customizations();

        assertThat(c.hostname()).contains("web1");
        assertThat(c.files().stream().filter(f -> f.path().equals("/etc/fstab")))
                .extracting(f -> f.content().orElseThrow()).containsExactly("mine\n");
        assertThat(c.services()).endsWith("nginx.service");
    }

    @Test
    void diskIds_areStableForASpec_andDifferBetweenSpecs() {
        assertThat(DiskIds.forSpec("ab".repeat(32))).isEqualTo(IDS);
        assertThat(DiskIds.forSpec("cd".repeat(32)).rootFilesystem()).isNotEqualTo(IDS.rootFilesystem());
        assertThat(IDS.espSerialText()).matches("[0-9A-F]{4}-[0-9A-F]{4}");
        assertThat(List.of(IDS.disk(), IDS.espPartition(), IDS.rootPartition(), IDS.rootFilesystem())).doesNotHaveDuplicates();
    }
}
