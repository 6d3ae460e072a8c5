package org.remixstudio.engine.build.vm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The identifiers written on a VM disk: the GPT disk GUID, both partitions' GUIDs, the ext4 volume
 * UUID and directory hash seed, and the FAT volume serial. They are derived from the spec's digest
 * (name-based UUIDs, RFC 4122 §4.3), so the same spec gives the same disk bit for bit, and two
 * different specs never share a root UUID. Copies of one image share them, as copies of any disk
 * image do; what must differ per machine (machine-id, SSH host keys) is made on first boot instead.
 */
public record DiskIds(UUID disk, UUID espPartition, UUID rootPartition, UUID rootFilesystem, UUID hashSeed,
                      int espSerial) {

    /** The identifiers for the spec whose canonical form has this SHA-256. */
    public static DiskIds forSpec(String specSha256) {
        UUID serial = derive(specSha256, "esp-serial");
        return new DiskIds(derive(specSha256, "disk"), derive(specSha256, "esp-partition"),
                derive(specSha256, "root-partition"), derive(specSha256, "root-filesystem"),
                derive(specSha256, "ext4-hash-seed"), (int) serial.getMostSignificantBits());
    }

    private static UUID derive(String specSha256, String what) {
        return UUID.nameUUIDFromBytes(("remix-studio " + what + " " + specSha256).getBytes(StandardCharsets.UTF_8));
    }

    /** The FAT volume serial as {@code /etc/fstab} and {@code blkid} write it: {@code ABCD-1234}. */
    public String espSerialText() {
        String hex = String.format("%08X", espSerial);
        return hex.substring(0, 4) + "-" + hex.substring(4);
    }
}
