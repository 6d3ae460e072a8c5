/**
 * What a virtual-machine export adds to a remix so that the image boots on its own: the "VM
 * essentials" layer (kernel, init, initramfs tools, systemd-boot, udev, networking), and the
 * settings a booting system needs (an {@code /etc/fstab} by UUID, a host name, DHCP on every ethernet
 * link, SSH host keys made on first boot). Everything here is expressed as an ordinary spec layer and
 * ordinary customizations, so the build engine installs and configures it like any other layer, with
 * the image's own tools in the sandbox (the initramfs is made there by the kernel's own scripts).
 * The identifiers on the disk ({@link DiskIds}) derive from the spec, so exports are reproducible.
 */
package org.remixstudio.engine.build.vm;
