/**
 * GUID Partition Table per UEFI 2.10 chapter 5: the protective MBR (§5.2.3), primary and backup
 * GPT headers with their CRC32s (§5.3.2) and partition entry arrays (§5.3.3), partitions aligned to
 * 1 MiB, with type GUIDs from UEFI (EFI System Partition) and the Discoverable Partitions
 * Specification (Linux root per architecture), and disk and partition GUIDs derived from a seed.
 */
package org.remixstudio.engine.export.disk.gpt;
