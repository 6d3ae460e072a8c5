package org.remixstudio.engine.export.disk.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FatGeometryTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void esp260MiB_uses4KiBClusters_andIsFat32ByClusterCount() {
        FatGeometry g = FatGeometry.forSize(260 * MIB);

        assertThat(g.clusterSize()).isEqualTo(4096);
        assertThat(g.clusterCount()).isGreaterThanOrEqualTo(FatGeometry.MIN_CLUSTERS);
        assertThat(g.dataOffset() % 4096).isZero();
    }

    @Test
    void smallerVolumes_useSmallerClusters_toStayFat32() {
        assertThat(FatGeometry.forSize(100 * MIB).clusterSize()).isEqualTo(1024);
        assertThat(FatGeometry.forSize(40 * MIB).clusterSize()).isEqualTo(512);
        assertThat(FatGeometry.forSize(40 * MIB).clusterCount()).isGreaterThanOrEqualTo(FatGeometry.MIN_CLUSTERS);
    }

    @Test
    void fat_holdsEveryCluster_andTheDataAreaFitsTheVolume() {
        for (long size : new long[] {34 * MIB, 100 * MIB, 260 * MIB, 1024 * MIB, 20L * 1024 * MIB}) {
            FatGeometry g = FatGeometry.forSize(size);
            assertThat(g.fatSectors() * 512 / 4).isGreaterThanOrEqualTo(g.clusterCount() + 2);
            assertThat(g.clusterOffset(g.clusterCount() + 2)).isLessThanOrEqualTo(size);
            assertThat(g.reservedSectors()).isGreaterThanOrEqualTo(32);
        }
    }

    @Test
    void volumeTooSmallForFat32_isRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> FatGeometry.forSize(32 * MIB)).hasMessageContaining("65525")
                .hasMessageContaining("make the EFI System Partition larger");
    }
}
