package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtentTreeTest {

    @TempDir
    Path dir;

    private static List<Extent> fragmented(int count) {
        List<Extent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Extent(2L * i, 1, 10_000 + i));
        }
        return out;
    }

    private ExtentTree.Built write(List<Extent> extents) throws Exception {
        Geometry g = Geometry.of(65536, 16384, 0, 0);
        BlockAllocator allocator = new BlockAllocator(g);
        allocator.markUsed(0, 20_000);
        try (FileChannel ch = FileChannel.open(dir.resolve("img"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            return ExtentTree.write(extents, allocator, new ImageWriter(ch, 0), 77, "f");
        }
    }

    @Test
    void write_upToFourExtents_fitInTheInode() throws Exception {
        ExtentTree.Built built = write(fragmented(4));
        byte[] root = built.blockArea();
        assertThat(built.treeBlocks()).isZero();
        assertThat(LittleEndian.get16(root, 0)).isEqualTo(0xF30A);
        assertThat(LittleEndian.get16(root, 2)).isEqualTo(4);
        assertThat(LittleEndian.get16(root, 4)).isEqualTo(4);
        assertThat(LittleEndian.get16(root, 6)).isZero();
        assertThat(LittleEndian.get32(root, 12 + 12)).isEqualTo(2);          // second extent's logical block
        assertThat(LittleEndian.get32(root, 12 + 12 + 8)).isEqualTo(10_001);   // and its physical block
    }

    @Test
    void write_fiveExtents_needOneLeafBlock() throws Exception {
        ExtentTree.Built built = write(fragmented(5));
        assertThat(built.treeBlocks()).isEqualTo(1);
        assertThat(LittleEndian.get16(built.blockArea(), 6)).isEqualTo(1);
        assertThat(LittleEndian.get16(built.blockArea(), 2)).isEqualTo(1);
        long leaf = LittleEndian.get32(built.blockArea(), 12 + 4);
        byte[] block = new byte[4096];
        try (FileChannel ch = FileChannel.open(dir.resolve("img"), StandardOpenOption.READ)) {
            ch.read(java.nio.ByteBuffer.wrap(block), leaf * 4096);
        }
        assertThat(LittleEndian.get16(block, 2)).isEqualTo(5);
        assertThat(LittleEndian.get16(block, 4)).isEqualTo(ExtentTree.PER_BLOCK);
        int tail = 12 + ExtentTree.PER_BLOCK * 12;
        assertThat((int) LittleEndian.get32(block, tail)).isEqualTo(Crc32c.update(77, block, 0, tail));
    }

    @Test
    void write_moreLeavesThanInodeSlots_addsAnIndexLevel() throws Exception {
        int count = ExtentTree.PER_BLOCK * 5;
        ExtentTree.Built built = write(fragmented(count));
        assertThat(LittleEndian.get16(built.blockArea(), 6)).isEqualTo(2);
        assertThat(built.treeBlocks()).isEqualTo(6).isEqualTo((int) ExtentTree.treeBlocks(count));
        assertThat(Files.size(dir.resolve("img"))).isPositive();
    }

    @Test
    void treeBlocks_countsEveryLevel() {
        assertThat(ExtentTree.treeBlocks(4)).isZero();
        assertThat(ExtentTree.treeBlocks(5)).isEqualTo(1);
        assertThat(ExtentTree.treeBlocks(340 * 4)).isEqualTo(4);
        assertThat(ExtentTree.treeBlocks(340 * 4 + 1)).isEqualTo(5 + 1);
    }
}
