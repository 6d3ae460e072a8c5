/**
 * Writes bootable VM disk images in pure Java, without root, loop devices, mounts or the
 * {@code sfdisk}/{@code mkfs.vfat}/{@code qemu-img} tools (those only check our output in tests).
 * They are hand-written because no maintained Java library writes these formats: the JVM projects
 * that read qcow2 or VMDK are unmaintained readers, and nothing writes GPT or FAT32 into a file at
 * an offset. Each subpackage follows one specification and cites its sections: {@code gpt} the UEFI
 * 2.10 specification chapter 5 (protective MBR, GPT headers and partition entries) with the
 * Discoverable Partitions Specification's type GUIDs, {@code fat} Microsoft's FAT specification
 * (fatgen103) for FAT32 with long file names, {@code qcow2} QEMU's docs/interop/qcow2.txt (version
 * 3) and {@code vmdk} VMware's Virtual Disk Format 1.1 (streamOptimized sparse extents). This
 * package holds what they share: the raw image being built ({@link
 * org.remixstudio.engine.export.disk.SparseImageFile}, which remembers what was written so that
 * the converters read only that), identifiers derived from a seed for reproducible disks, and
 * {@link org.remixstudio.engine.export.disk.DiskImageWriter}, which turns a raw image into the chosen
 * {@link org.remixstudio.engine.export.disk.DiskImageFormat} atomically.
 */
package org.remixstudio.engine.export.disk;
