package org.remixstudio.app.build;

import java.util.Optional;
import org.remixstudio.engine.api.BuildRequest;

/**
 * The outputs the Build & export pane offers. Those the engine cannot write yet are listed anyway,
 * greyed out with the reason, so people see what is coming instead of wondering.
 */
public enum OutputChoice {
    CONTAINER_TARBALL("Container image (.tar, OCI + docker-archive)", ".tar", BuildRequest.Format.OCI),
    OCI_DIRECTORY("OCI image layout (directory)", "", BuildRequest.Format.OCI_DIR),
    ROOTFS_TARBALL("Root filesystem (.tar)", "-rootfs.tar", BuildRequest.Format.ROOTFS),
    QCOW2("VM disk image (qcow2, QEMU/libvirt)", ".qcow2", BuildRequest.Format.QCOW2),
    RAW_DISK("VM disk image (raw .img)", ".img", BuildRequest.Format.RAW),
    VMDK("VM disk image (VMDK, VirtualBox/VMware)", ".vmdk", BuildRequest.Format.VMDK),
    ISO("Live ISO", ".iso", null);

    /** Why an output is unavailable. */
    public static final String UNAVAILABLE = "not in the engine yet";

    private final String label;
    private final String suffix;
    private final BuildRequest.Format format;

    OutputChoice(String label, String suffix, BuildRequest.Format format) {
        this.label = label;
        this.suffix = suffix;
        this.format = format;
    }

    public String label() {
        return label;
    }

    /** What the default file name ends in. */
    public String suffix() {
        return suffix;
    }

    /** The engine's format, empty when the engine cannot write this output yet. */
    public Optional<BuildRequest.Format> format() {
        return Optional.ofNullable(format);
    }

    /** Whether this is a bootable VM disk (sized, with a kernel flavour, bootable from the studio). */
    public boolean disk() {
        return format != null && format.isDisk();
    }

    public boolean available() {
        return format != null;
    }

    @Override
    public String toString() {
        return available() ? label : label + " — " + UNAVAILABLE;
    }
}
