/**
 * qcow2 version 3 images per QEMU's docs/interop/qcow2.txt: header with the end-of-extensions
 * marker, 64 KiB clusters, L1/L2 tables, 16-bit refcount blocks and table, only clusters with data
 * allocated, optionally raw-deflate compressed clusters; written in one sequential pass with the
 * metadata after the data, deterministically.
 */
package org.remixstudio.engine.export.disk.qcow2;
