/**
 * FAT32 volumes for the EFI System Partition, per Microsoft's FAT specification (fatgen103): boot
 * sector and BPB, FSInfo and their backups, two FATs, directories of any size with VFAT long file
 * names (checksummed long-name entries before each 8.3 entry, short names by the spec's basis-name
 * and numeric-tail algorithms), one fixed timestamp and a serial from the seed, written sparsely into
 * a partition of a disk image.
 */
package org.remixstudio.engine.export.disk.fat;
