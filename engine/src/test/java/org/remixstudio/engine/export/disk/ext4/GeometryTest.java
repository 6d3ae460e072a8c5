package org.remixstudio.engine.export.disk.ext4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void of_1GiB_hasMke2fsShape() {
        Geometry g = Geometry.of(262_144, 16384, 0, 0);
        assertThat(g.groupCount()).isEqualTo(8);
        assertThat(g.inodesPerGroup()).isEqualTo(8192);
        assertThat(g.inodeTableBlocks()).isEqualTo(512);
        assertThat(g.gdtBlocks()).isEqualTo(1);
        assertThat(g.journalBlocks()).isEqualTo(8192);
    }

    @Test
    void of_raisesInodesPerGroupForManySmallFiles() {
        Geometry g = Geometry.of(40_000, 16384, 50_000, 0);
        assertThat(g.inodeCount()).isGreaterThanOrEqualTo(50_000);
        assertThat(g.inodesPerGroup() % 16).isZero();
    }

    @Test
    void of_refusesMoreInodesThanTheGroupsCanHold() {
        assertThatThrownBy(() -> Geometry.of(40_000, 16384, 100_000, 0)).hasMessageContaining("at most 65536 inodes");
    }

    @Test
    void of_dropsATinyLastGroup() {
        Geometry g = Geometry.of(32768 * 3 + 10, 16384, 0, 0);
        assertThat(g.groupCount()).isEqualTo(3);
        assertThat(g.blockCount()).isEqualTo(32768 * 3);
    }

    @Test
    void of_refusesAFilesystemTooSmallForAJournal() {
        assertThatThrownBy(() -> Geometry.of(1000, 16384, 0, 0)).hasMessageContaining("at least 8 MiB");
    }

    @Test
    void hasSuperblock_followsSparseSuper() {
        assertThat(java.util.stream.IntStream.range(0, 100).filter(Geometry::hasSuperblock).boxed().toList())
                .containsExactly(0, 1, 3, 5, 7, 9, 25, 27, 49, 81);
    }

    @Test
    void defaultJournalBlocks_followsMke2fs() {
        assertThat(Geometry.defaultJournalBlocks(20_000)).isEqualTo(1024);
        assertThat(Geometry.defaultJournalBlocks(1_000_000)).isEqualTo(16384);
        assertThat(Geometry.defaultJournalBlocks(40_000_000)).isEqualTo(262144);
    }
}
