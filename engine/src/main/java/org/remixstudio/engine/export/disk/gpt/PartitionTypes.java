package org.remixstudio.engine.export.disk.gpt;

import java.util.UUID;

/**
 * Partition type GUIDs: the EFI System Partition from UEFI 2.10 §5.3.3 (Table 5.8), the root
 * partitions from the UAPI Discoverable Partitions Specification (so that systemd finds the root
 * without an fstab entry), and the BIOS boot partition GRUB uses on GPT disks.
 */
public final class PartitionTypes {

    public static final UUID EFI_SYSTEM = UUID.fromString("c12a7328-f81f-11d2-ba4b-00a0c93ec93b");
    public static final UUID LINUX_ROOT_X86_64 = UUID.fromString("4f68bce3-e8cd-4db1-96e7-fbcaf984b709");
    public static final UUID LINUX_ROOT_ARM64 = UUID.fromString("b921b045-1df0-41c3-af44-4c6f280d3fae");
    public static final UUID LINUX_FILESYSTEM = UUID.fromString("0fc63daf-8483-4772-8e79-3d69d8477de4");
    public static final UUID BIOS_BOOT = UUID.fromString("21686148-6449-6e6f-744e-656564454649");

    private PartitionTypes() {
    }

    /** The discoverable root partition type for a Debian architecture name. */
    public static UUID linuxRoot(String debianArchitecture) {
        return switch (debianArchitecture) {
            case "amd64" -> LINUX_ROOT_X86_64;
            case "arm64" -> LINUX_ROOT_ARM64;
            default -> throw new IllegalArgumentException("no root partition type is known for architecture '"
                    + debianArchitecture + "'; VM disks are made for amd64 and arm64");
        };
    }
}
