/**
 * {@code remix run IMAGE}: boots an exported disk image in QEMU with UEFI firmware, its serial console
 * on the terminal — the one-click "try it" of a VM export. QEMU and the firmware are the host's
 * (Debian's {@code qemu-system-x86}/{@code qemu-system-arm} and {@code ovmf}/{@code qemu-efi-aarch64});
 * nothing here is needed to build an image.
 */
package org.remixstudio.engine.run;
