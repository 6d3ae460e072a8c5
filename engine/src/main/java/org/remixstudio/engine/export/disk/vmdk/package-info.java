/**
 * streamOptimized VMDK per VMware Virtual Disk Format 1.1: the hosted sparse extent header and its
 * footer copy, the embedded descriptor, deflate-compressed grains behind grain markers, grain
 * tables and the grain directory behind their markers, and the end-of-stream marker, the one-file
 * format VirtualBox and VMware import.
 */
package org.remixstudio.engine.export.disk.vmdk;
