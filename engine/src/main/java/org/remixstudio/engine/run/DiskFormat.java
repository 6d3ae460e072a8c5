package org.remixstudio.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The format of a disk image file, told by its magic bytes (qcow2 spec "Header"; VMDK 1.1 §"Hosted Sparse Extent Header"). */
public enum DiskFormat {
    QCOW2("qcow2"),
    VMDK("vmdk"),
    RAW("raw");

    private final String qemuName;

    DiskFormat(String qemuName) {
        this.qemuName = qemuName;
    }

    /** The name QEMU and libvirt use. */
    public String qemuName() {
        return qemuName;
    }

    /** Reads the first bytes of {@code image}: {@code QFI\xfb} is qcow2, {@code KDMV} is VMDK, anything else raw. */
    public static DiskFormat of(Path image) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(image)) {
            if (in.readNBytes(magic, 0, 4) < 4) {
                return RAW;
            }
        }
        if (Arrays.equals(magic, new byte[] {'Q', 'F', 'I', (byte) 0xfb})) {
            return QCOW2;
        }
        if (Arrays.equals(magic, new byte[] {'K', 'D', 'M', 'V'})) {
            return VMDK;
        }
        return RAW;
    }
}
