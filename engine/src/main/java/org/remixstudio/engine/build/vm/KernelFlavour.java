package org.remixstudio.engine.build.vm;

import java.util.Locale;
import java.util.Optional;

/**
 * Which Debian kernel a VM export installs. {@code cloud} is made for virtual machines (small, the
 * virtio drivers it needs as modules in the initramfs); {@code generic} carries drivers for real
 * hardware too.
 */
public enum KernelFlavour {
    CLOUD("linux-image-cloud-"),
    GENERIC("linux-image-");

    private final String prefix;

    KernelFlavour(String prefix) {
        this.prefix = prefix;
    }

    /** The kernel metapackage for a Debian architecture, e.g. {@code linux-image-cloud-amd64}. */
    public String metapackage(String architecture) {
        return prefix + architecture;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KernelFlavour> fromName(String name) {
        for (KernelFlavour f : values()) {
            if (f.label().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
