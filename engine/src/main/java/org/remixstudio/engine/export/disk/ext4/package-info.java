/**
 * A pure-Java ext4 filesystem writer: turns a tree of {@link org.remixstudio.engine.tree.TreeEntry}
 * records plus their content into a complete, clean ext4 filesystem inside a disk image, with no
 * root, loop devices or {@code mke2fs}. It is hand-written because no maintained Java library writes
 * ext4. It follows the Linux kernel's {@code Documentation/filesystems/ext4/} (the on-disk layout:
 * super block, group descriptors, bitmaps, inode table, extent trees, linear and hash-tree directories
 * with the legacy, half-MD4 and TEA hashes in their signed and unsigned variants, extended
 * attributes, the jbd2 journal, and the crc32c {@code metadata_csum} checksums), checked against
 * e2fsprogs' {@code lib/ext2fs} where the documentation is silent. Each writer class cites the
 * section it implements. Output is reproducible (same input and options, bit-identical image) and
 * sparse (all-zero blocks are never written).
 */
package org.remixstudio.engine.export.disk.ext4;
