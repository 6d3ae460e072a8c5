package org.remixstudio.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.remixstudio.engine.api.BuildRequest;

class OutputChoiceTest {

    @Test
    void diskFormats_areAvailable_andAreDisks() {
        assertThat(OutputChoice.QCOW2.format()).contains(BuildRequest.Format.QCOW2);
        assertThat(OutputChoice.RAW_DISK.format()).contains(BuildRequest.Format.RAW);
        assertThat(OutputChoice.VMDK.format()).contains(BuildRequest.Format.VMDK);
        assertThat(OutputChoice.values()).filteredOn(OutputChoice::disk)
                .containsExactly(OutputChoice.QCOW2, OutputChoice.RAW_DISK, OutputChoice.VMDK)
                .allMatch(OutputChoice::available);
        assertThat(OutputChoice.QCOW2.toString()).doesNotContain(OutputChoice.UNAVAILABLE);
    }

    @Test
    void containerOutputs_areNotDisks_andTheIsoIsStillUnavailable() {
        assertThat(OutputChoice.CONTAINER_TARBALL.disk()).isFalse();
        assertThat(OutputChoice.ROOTFS_TARBALL.disk()).isFalse();
        assertThat(OutputChoice.ISO.available()).isFalse();
        assertThat(OutputChoice.ISO.disk()).isFalse();
        assertThat(OutputChoice.ISO.toString()).contains(OutputChoice.UNAVAILABLE);
    }

    @Test
    void suffixes_nameTheDiskFiles() {
        assertThat(OutputChoice.QCOW2.suffix()).isEqualTo(".qcow2");
        assertThat(OutputChoice.RAW_DISK.suffix()).isEqualTo(".img");
        assertThat(OutputChoice.VMDK.suffix()).isEqualTo(".vmdk");
    }
}
