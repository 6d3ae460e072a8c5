package org.remixstudio.engine.build.vm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.catalog.DebVersion;
import org.remixstudio.engine.tree.EntryType;
import org.remixstudio.engine.tree.TreeEntry;

/**
 * What the EFI System Partition needs from the finished tree: the newest kernel in {@code /boot}
 * with its initramfs (made by the image's own initramfs-tools while configuring), and systemd-boot's
 * EFI binary from {@code systemd-boot-efi}. A tree without them cannot boot, and the export says so
 * before writing anything.
 *
 * @param kernel   {@code boot/vmlinuz-VERSION}
 * @param initrd   {@code boot/initrd.img-VERSION}
 * @param loader   systemd-boot's EFI binary, e.g. {@code usr/lib/systemd/boot/efi/systemd-bootx64.efi}
 * @param version  the kernel release, e.g. {@code 6.1.0-28-cloud-amd64}
 */
public record BootFiles(TreeEntry kernel, TreeEntry initrd, TreeEntry loader, String version) {

    /** Finds the boot files of a tree for a Debian architecture. */
    public static BootFiles find(List<TreeEntry> tree, String architecture) {
        String efiArch = architecture.equals("arm64") ? "aa64" : "x64";
        String loaderPath = "usr/lib/systemd/boot/efi/systemd-boot" + efiArch + ".efi";
        TreeEntry loader = file(tree, loaderPath).orElseThrow(() -> new EngineException("the image has no "
                + "/" + loaderPath + "; the VM export needs systemd-boot's EFI binary (package systemd-boot-efi)"));
        TreeEntry kernel = tree.stream()
                .filter(e -> e.type() == EntryType.FILE && e.path().startsWith("boot/vmlinuz-"))
                .max(Comparator.comparing(e -> DebVersion.parse(e.path().substring("boot/vmlinuz-".length()))))
                .orElseThrow(() -> new EngineException("the image has no kernel in /boot; the VM export needs one"
                        + " (package " + KernelFlavour.CLOUD.metapackage(architecture) + " or "
                        + KernelFlavour.GENERIC.metapackage(architecture) + ")"));
        String version = kernel.path().substring("boot/vmlinuz-".length());
        TreeEntry initrd = file(tree, "boot/initrd.img-" + version).orElseThrow(() -> new EngineException(
                "the image has kernel " + version + " but no /boot/initrd.img-" + version
                        + "; initramfs-tools must be installed with the kernel so that its scripts make one"));
        return new BootFiles(kernel, initrd, loader, version);
    }

    /** The name firmware looks for on removable media (UEFI 2.10 §3.5.1.1), e.g. {@code EFI/BOOT/BOOTX64.EFI}. */
    public static String fallbackLoaderPath(String architecture) {
        return "EFI/BOOT/BOOT" + (architecture.equals("arm64") ? "AA64" : "X64") + ".EFI";
    }

    private static Optional<TreeEntry> file(List<TreeEntry> tree, String path) {
        return tree.stream().filter(e -> e.type() == EntryType.FILE && e.path().equals(path)).findFirst();
    }
}
