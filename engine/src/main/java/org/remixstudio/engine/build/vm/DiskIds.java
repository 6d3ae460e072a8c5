package org.remixstudio.engine.build.vm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.remixstudio.engine.export.disk.SeededIds;

/**
 * The identifiers written on a VM disk, all derived from the spec's digest with {@link SeededIds}
 * (HMAC-SHA256 per purpose, as systemd-repart does), so the same spec gives the same disk bit for
 * bit and two specs never share a root UUID. The GPT layout derives the disk and partition GUIDs from
 * the same seed and partition keys ({@link #ESP_KEY}, {@link #ROOT_KEY}); {@code /etc/fstab}, written
 * while the tree is built, names the filesystems by these UUIDs before the disk exists. Copies of one
 * image share these, as copies of any disk image do; what must differ per machine (machine-id, SSH
 * host keys) is made on first boot instead.
 */
public record DiskIds(SeededIds seeded, UUID rootFilesystem, UUID hashSeed, int espSerial) {

    /** The GPT partition key of the EFI System Partition. */
    public static final String ESP_KEY = "esp";
    /** The GPT partition key of the root partition. */
    public static final String ROOT_KEY = "root";

    /** The identifiers for the spec whose canonical form has this SHA-256. */
    public static DiskIds forSpec(String specSha256) {
        SeededIds ids = new SeededIds(("remix-studio disk " + specSha256).getBytes(StandardCharsets.UTF_8));
        return new DiskIds(ids, ids.uuid("ext4-uuid"),
                ids.uuid("ext4-hash-seed"), ids.int32("fat-serial"));
    }

    /** The FAT volume serial as {@code /etc/fstab} and {@code blkid} write it: {@code ABCD-1234}. */
    public String espSerialText() {
        String hex = String.format("%08X", espSerial);
        return hex.substring(0, 4) + "-" + hex.substring(4);
    }
}
