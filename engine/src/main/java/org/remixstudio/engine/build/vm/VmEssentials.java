package org.remixstudio.engine.build.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remixstudio.engine.spec.ContainerConfigSpec;
import org.remixstudio.engine.spec.Customizations;
import org.remixstudio.engine.spec.FileSpec;
import org.remixstudio.engine.spec.LayerSpec;
import org.remixstudio.engine.spec.PackageRef;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * Turns a remix into one that boots as a virtual machine: a {@value #LAYER} layer on top with what
 * booting needs (the layer planner installs only what the remix lacks, so the layer shows exactly
 * what the export adds), and customizations for the boot: {@code /etc/fstab} by UUID (root and the
 * EFI System Partition at {@code /boot/efi}), a host name (the spec's, else its name), DHCP on every
 * ethernet link with systemd-networkd and systemd-resolved, and a unit that makes the SSH host keys
 * on first boot. The spec's own customizations come after these, so a file the spec sets wins.
 */
public final class VmEssentials {

    /** The name of the layer the export adds. */
    public static final String LAYER = "vm-essentials";

    /** The unit that makes SSH host keys on first boot (the exporter leaves the build's keys out). */
    public static final String SSH_KEYS_UNIT = "remix-ssh-host-keys.service";

    private final KernelFlavour flavour;

    public VmEssentials(KernelFlavour flavour) {
        this.flavour = flavour;
    }

    /**
     * What booting needs, for a Debian architecture: the kernel, systemd as init, initramfs-tools (the
     * kernel's postinst makes the initramfs with them), systemd-boot's EFI binaries, udev, and the
     * network stack.
     */
    public List<String> packages(String architecture) {
        return List.of(flavour.metapackage(architecture), "systemd-sysv", "initramfs-tools", "systemd-boot-efi",
                "udev", "systemd-resolved");
    }

    /** The remix with the essentials layer and the boot settings added. */
    public RemixSpec prepare(RemixSpec spec, DiskIds ids) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.add(new LayerSpec(LAYER, packages(spec.architecture()).stream().map(PackageRef::of).toList(), List.of()));
        Customizations own = spec.customizations();
        Map<String, FileSpec> files = new LinkedHashMap<>();
        for (FileSpec f : bootFiles(ids)) {
            files.put(f.path(), f);
        }
        own.files().forEach(f -> files.put(f.path(), f));
        List<String> services = new ArrayList<>(List.of("systemd-networkd.service", "systemd-resolved.service",
                SSH_KEYS_UNIT));
        own.services().stream().filter(s -> !services.contains(s)).forEach(services::add);
        Customizations boot = new Customizations(own.users(),
                own.hostname().isPresent() ? own.hostname() : java.util.Optional.of(spec.name().replace('_', '-')),
                own.timezone(), own.locale(), List.copyOf(files.values()), services);
        return new RemixSpec(spec.specVersion(), spec.name(), spec.description(), spec.sources(), spec.suite(),
                spec.architecture(), spec.variant(), spec.recommends(), layers, boot, ContainerConfigSpec.NONE,
                spec.timestamp());
    }

    private static List<FileSpec> bootFiles(DiskIds ids) {
        return List.of(
                FileSpec.text("/etc/fstab", "# written by Remix Studio: the root filesystem and the EFI System Partition\n"
                        + "UUID=" + ids.rootFilesystem() + " / ext4 rw,errors=remount-ro 0 1\n"
                        + "UUID=" + ids.espSerialText() + " /boot/efi vfat umask=0077 0 2\n"),
                FileSpec.text("/etc/systemd/network/80-remix-dhcp.network",
                        "# written by Remix Studio: DHCP on every ethernet link\n[Match]\nType=ether\n\n"
                                + "[Network]\nDHCP=yes\n"),
                FileSpec.text("/etc/systemd/system/" + SSH_KEYS_UNIT, """
                        # written by Remix Studio: each machine made from this image gets its own SSH host keys
                        [Unit]
                        Description=Make the SSH host keys on first boot
                        ConditionPathExists=/usr/bin/ssh-keygen
                        ConditionPathExistsGlob=!/etc/ssh/ssh_host_*_key
                        Before=ssh.service

                        [Service]
                        Type=oneshot
                        ExecStart=/usr/bin/ssh-keygen -A

                        [Install]
                        WantedBy=multi-user.target
                        """));
    }
}
