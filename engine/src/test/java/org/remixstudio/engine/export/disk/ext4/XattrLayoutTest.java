package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.tree.Xattr;

class XattrLayoutTest {

    @Test
    void split_mapsNamespacesToTheirNameIndices() {
        assertThat(XattrLayout.split(Xattr.ofText("user.a", ""), "f").index()).isEqualTo(1);
        assertThat(XattrLayout.split(Xattr.ofText("trusted.a", ""), "f").index()).isEqualTo(4);
        assertThat(XattrLayout.split(Xattr.ofText("security.capability", ""), "f").index()).isEqualTo(6);
        assertThat(new String(XattrLayout.split(Xattr.ofText("security.capability", ""), "f").suffix()))
                .isEqualTo("capability");
        assertThat(XattrLayout.split(Xattr.ofText("system.data", ""), "f").index()).isEqualTo(7);
    }

    @Test
    void place_smallAttributes_goIntoTheInode() {
        XattrLayout.Placed p = XattrLayout.place(List.of(Xattr.ofText("user.a", "1")), "f");
        assertThat(p.block()).isNull();
        assertThat(p.inodeArea()).hasSize(Inode.XATTR_AREA);
        assertThat((int) LittleEndian.get32(p.inodeArea(), 0)).isEqualTo(XattrLayout.MAGIC);
        assertThat(p.inodeArea()[4]).isEqualTo((byte) 1);             // name length
        assertThat(p.inodeArea()[5]).isEqualTo((byte) 1);             // user.
        assertThat(LittleEndian.get32(p.inodeArea(), 4 + 12)).isZero(); // no hash in the inode
    }

    @Test
    void place_whatDoesNotFit_goesIntoABlockWithHashesAndChecksum() {
        XattrLayout.Placed p = XattrLayout.place(List.of(new Xattr("user.big", new byte[500]),
                Xattr.ofText("user.a", "1")), "f");
        assertThat(p.block()).isNotNull();
        byte[] b = p.block();
        assertThat((int) LittleEndian.get32(b, 0)).isEqualTo(XattrLayout.MAGIC);
        assertThat(LittleEndian.get32(b, 4)).isEqualTo(1);            // refcount
        assertThat(LittleEndian.get32(b, 32 + 12)).isNotZero();       // entry hash
        XattrLayout.sealBlock(b, 1234, new Checksums(new byte[16]));
        assertThat(LittleEndian.get32(b, 0x10)).isNotZero();
    }

    @Test
    void entryHash_matchesTheE2fsprogsFormula() {
        // name "a" then one value word 0x00000031 ("1" zero-padded): ((('a') << 16) ^ ('a' >>> 16)) ^ 0x31
        XattrLayout.Attr a = XattrLayout.split(Xattr.ofText("user.a", "1"), "f");
        assertThat(XattrLayout.entryHash(a)).isEqualTo(('a' << 16) ^ 0x31);
    }

    @Test
    void place_tooLargeForOneBlock_namesTheFile() {
        assertThatThrownBy(() -> XattrLayout.place(List.of(new Xattr("user.huge", new byte[5000])), "etc/f"))
                .isInstanceOf(EngineException.class).hasMessageContaining("'etc/f'");
    }
}
