package org.remixstudio.engine.export.disk.ext4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.Xattr;

/**
 * Places a file's extended attributes (Documentation/filesystems/ext4/attributes.rst): as many as
 * fit go into the inode's extra space after {@code i_extra_isize}, the rest into one attribute block
 * (header, {@code ext4_xattr_entry} records sorted by name index, name length and name, values packed
 * from the end). Names are stored without their namespace prefix, which becomes the name index
 * ("Attribute Name Indices"); POSIX ACLs are converted to ext4's own ACL encoding.
 */
final class XattrLayout {

    static final int MAGIC = 0xEA020000;
    private static final int ENTRY_HEADER = 16;
    private static final int BLOCK_HEADER = 32;
    private static final int BS = Geometry.BLOCK_SIZE;

    /** A name split into its index and the stored suffix, plus the value as ext4 stores it. */
    record Attr(int index, byte[] suffix, byte[] value) {

        int entrySize() {
            return (ENTRY_HEADER + suffix.length + 3) & ~3;
        }

        int valueSize() {
            return (value.length + 3) & ~3;
        }
    }

    /**
     * The in-inode area (empty array for none) and the attribute block (null for none; its checksum
     * is filled in by {@link #sealBlock} once the block number is known).
     */
    record Placed(byte[] inodeArea, byte[] block) {
    }

    private static final Comparator<Attr> ORDER = Comparator.comparingInt(Attr::index)
            .thenComparingInt(a -> a.suffix().length)
            .thenComparing((a, b) -> Arrays.compareUnsigned(a.suffix(), b.suffix()));

    private XattrLayout() {
    }

    static Placed place(List<Xattr> xattrs, String path) {
        if (xattrs.isEmpty()) {
            return new Placed(new byte[0], null);
        }
        List<Attr> attrs = new ArrayList<>();
        for (Xattr x : xattrs) {
            attrs.add(split(x, path));
        }
        attrs.sort(ORDER);
        List<Attr> inInode = new ArrayList<>();
        List<Attr> inBlock = new ArrayList<>();
        int inodeSpace = Inode.XATTR_AREA - 4 - 4;
        for (Attr a : attrs) {
            int need = a.entrySize() + a.valueSize();
            if (need <= inodeSpace) {
                inInode.add(a);
                inodeSpace -= need;
            } else {
                inBlock.add(a);
            }
        }
        byte[] area = new byte[0];
        if (!inInode.isEmpty()) {
            area = new byte[Inode.XATTR_AREA];
            LittleEndian.put32(area, 0, MAGIC);
            fill(area, 4, inInode, false);
        }
        byte[] block = null;
        if (!inBlock.isEmpty()) {
            int need = BLOCK_HEADER + 4;
            for (Attr a : inBlock) {
                need += a.entrySize() + a.valueSize();
            }
            if (need > BS) {
                throw new EngineException("the extended attributes of '" + path + "' need " + need
                        + " bytes, more than ext4's one 4096-byte attribute block; drop or shorten some");
            }
            block = new byte[BS];
            LittleEndian.put32(block, 0, MAGIC);
            LittleEndian.put32(block, 4, 1);
            LittleEndian.put32(block, 8, 1);
            int blockHash = fill(block, BLOCK_HEADER, inBlock, true);
            LittleEndian.put32(block, 0x0C, blockHash);
        }
        return new Placed(area, block);
    }

    /** Writes entries from {@code start} and values from the end; returns the block hash (block only). */
    private static int fill(byte[] region, int start, List<Attr> attrs, boolean isBlock) {
        int valueBase = isBlock ? 0 : start;
        int pos = start;
        int valueEnd = region.length;
        int blockHash = 0;
        for (Attr a : attrs) {
            int offs = 0;
            if (a.value().length > 0) {
                valueEnd -= a.valueSize();
                System.arraycopy(a.value(), 0, region, valueEnd, a.value().length);
                offs = valueEnd - valueBase;
            }
            region[pos] = (byte) a.suffix().length;
            region[pos + 1] = (byte) a.index();
            LittleEndian.put16(region, pos + 2, offs);
            LittleEndian.put32(region, pos + 8, a.value().length);
            System.arraycopy(a.suffix(), 0, region, pos + ENTRY_HEADER, a.suffix().length);
            if (isBlock) {
                int h = entryHash(a);
                LittleEndian.put32(region, pos + 12, h);
                blockHash = (blockHash << 16) ^ (blockHash >>> 16) ^ h;
            }
            pos += a.entrySize();
        }
        return blockHash;
    }

    /**
     * e2fsprogs' {@code ext2fs_ext_attr_hash_entry}: name bytes (as signed chars, as x86 kernels and
     * e2fsprogs have always hashed them) then the zero-padded value as little-endian words.
     */
    static int entryHash(Attr a) {
        int hash = 0;
        for (byte c : a.suffix()) {
            hash = (hash << 5) ^ (hash >>> 27) ^ c;
        }
        byte[] padded = Arrays.copyOf(a.value(), a.valueSize());
        for (int i = 0; i < padded.length; i += 4) {
            hash = (hash << 16) ^ (hash >>> 16) ^ (int) LittleEndian.get32(padded, i);
        }
        return hash;
    }

    /** Fills in the block's checksum: crc32c over the 64-bit block number, then the block. */
    static void sealBlock(byte[] block, long blockNumber, Checksums checksums) {
        byte[] nr = new byte[8];
        LittleEndian.put64(nr, 0, blockNumber);
        LittleEndian.put32(block, 0x10, 0);
        int crc = Crc32c.update(Crc32c.update(checksums.fsSeed(), nr), block);
        LittleEndian.put32(block, 0x10, crc);
    }

    static Attr split(Xattr x, String path) {
        String name = x.name();
        byte[] value = x.value();
        int index;
        String suffix;
        if (name.equals("system.posix_acl_access") || name.equals("system.posix_acl_default")) {
            index = name.endsWith("access") ? 2 : 3;
            suffix = "";
            value = PosixAcl.toDisk(value, path, name);
        } else if (name.startsWith("user.")) {
            index = 1;
            suffix = name.substring(5);
        } else if (name.startsWith("trusted.")) {
            index = 4;
            suffix = name.substring(8);
        } else if (name.startsWith("security.")) {
            index = 6;
            suffix = name.substring(9);
        } else if (name.startsWith("system.")) {
            index = 7;
            suffix = name.substring(7);
        } else {
            throw new EngineException("extended attribute '" + name + "' of '" + path
                    + "' is in no namespace ext4 stores (user., trusted., security., system.)");
        }
        byte[] suffixBytes = suffix.getBytes(StandardCharsets.UTF_8);
        if (suffixBytes.length > 255) {
            throw new EngineException("extended attribute name '" + name + "' of '" + path + "' is longer than 255 bytes");
        }
        return new Attr(index, suffixBytes, value);
    }
}
