package org.remixstudio.engine.export.disk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats a VM disk can be exported in, with their usual file name extensions. */
public enum DiskImageFormat {
    /** QEMU's copy-on-write format: sparse, optionally compressed; what libvirt and GNOME Boxes use. */
    QCOW2("qcow2"),
    /** The plain disk bytes as a sparse file. */
    RAW("raw"),
    /** VMware's streamOptimized VMDK, which VirtualBox and VMware import. */
    VMDK("vmdk");

    private final String extension;

    DiskImageFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), or an error listing the known ones. */
    public static DiskImageFormat parse(String name) {
        for (DiskImageFormat f : values()) {
            if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown disk image format '" + name + "'; use one of "
                + Arrays.stream(values()).map(DiskImageFormat::extension).collect(Collectors.joining(", ")));
    }
}
