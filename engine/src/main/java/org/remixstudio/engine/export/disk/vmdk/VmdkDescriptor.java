package org.remixstudio.engine.export.disk.vmdk;

import java.util.UUID;

/**
 * The embedded text descriptor (VMware Virtual Disk Format 1.1, "The Descriptor File"): one
 * SPARSE extent naming the file itself, createType streamOptimized, a content ID and image UUID
 * from the seed (VirtualBox keeps a disk's identity in {@code ddb.uuid.image}), and an IDE
 * geometry of 16 heads and 63 sectors as VMware and qemu-img write it.
 */
public record VmdkDescriptor(String fileName, long capacitySectors, int contentId, UUID imageId) {

    public VmdkDescriptor {
        if (fileName.contains("\"") || fileName.contains("\n")) {
            throw new IllegalArgumentException("VMDK file name '" + fileName + "' must not contain quotes or newlines");
        }
    }

    public String text() {
        long cylinders = Math.min(16383, capacitySectors / (16 * 63));
        String zero = new UUID(0, 0).toString();
        return "# Disk DescriptorFile\n"
                + "version=1\n"
                + "CID=" + String.format("%08x", contentId) + "\n"
                + "parentCID=ffffffff\n"
                + "createType=\"streamOptimized\"\n"
                + "\n"
                + "# Extent description\n"
                + "RW " + capacitySectors + " SPARSE \"" + fileName + "\"\n"
                + "\n"
                + "# The Disk Data Base\n"
                + "#DDB\n"
                + "\n"
                + "ddb.virtualHWVersion = \"4\"\n"
                + "ddb.geometry.cylinders = \"" + cylinders + "\"\n"
                + "ddb.geometry.heads = \"16\"\n"
                + "ddb.geometry.sectors = \"63\"\n"
                + "ddb.adapterType = \"ide\"\n"
                + "ddb.uuid.image = \"" + imageId + "\"\n"
                + "ddb.uuid.parent = \"" + zero + "\"\n"
                + "ddb.uuid.modification = \"" + zero + "\"\n"
                + "ddb.uuid.parentmodification = \"" + zero + "\"\n";
    }
}
