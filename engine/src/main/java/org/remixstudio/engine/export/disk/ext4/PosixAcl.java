package org.remixstudio.engine.export.disk.ext4;

import java.io.ByteArrayOutputStream;
import org.remixstudio.engine.api.EngineException;

/**
 * Converts a POSIX ACL from the form Linux hands to user space ({@code system.posix_acl_*} xattr
 * value: version 2, 8-byte entries) to ext4's on-disk form (fs/ext4/acl.h: version 1, 4-byte entries
 * for the owner, owning group, mask and other, 8-byte entries with an id for named users and groups).
 */
final class PosixAcl {

    private static final int USER = 0x02;
    private static final int GROUP = 0x08;

    private PosixAcl() {
    }

    static byte[] toDisk(byte[] xattr, String path, String name) {
        if (xattr.length < 4 || (xattr.length - 4) % 8 != 0 || LittleEndian.get32(xattr, 0) != 2) {
            throw new EngineException("extended attribute '" + name + "' of '" + path
                    + "' is not a POSIX ACL in the version-2 xattr format");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] word = new byte[4];
        LittleEndian.put32(word, 0, 1);
        out.writeBytes(word);
        for (int off = 4; off < xattr.length; off += 8) {
            int tag = LittleEndian.get16(xattr, off);
            out.write(xattr, off, 4);
            if (tag == USER || tag == GROUP) {
                out.write(xattr, off + 4, 4);
            }
        }
        return out.toByteArray();
    }
}
