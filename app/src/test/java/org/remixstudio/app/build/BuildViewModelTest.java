package org.remixstudio.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remixstudio.app.FxToolkit;
import org.remixstudio.app.Studio;
import org.remixstudio.app.StudioFixture;

/** The build view model's VM disk choices on the fixture archive, without building. */
class BuildViewModelTest {

    @TempDir
    static Path dir;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        studio = FxToolkit.onFx(() -> new Studio(StudioFixture.create(dir).options()));
        FxToolkit.onFx(() -> studio.start(r -> false));
        FxToolkit.waitFor("the remix", () -> studio.document().spec() != null);
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @BeforeEach
    void reset() throws Exception {
        FxToolkit.onFx(() -> {
            studio.build().outputProperty().set(OutputChoice.CONTAINER_TARBALL);
            studio.build().diskSizeProperty().set("");
        });
    }

    @Test
    void choosingADisk_addsTheDiskProgressRow_andNamesTheFileAndItsDomain() throws Exception {
        BuildViewModel vm = studio.build();
        assertThat(FxToolkit.onFx(() -> vm.steps().stream().map(BuildStep::key).toList()))
                .containsExactly("release", "fetch", "unpack", "configure", "layer", "export");

        FxToolkit.onFx(() -> vm.outputProperty().set(OutputChoice.QCOW2));

        assertThat(FxToolkit.onFx(() -> vm.steps().stream().map(BuildStep::key).toList()))
                .containsExactly("release", "fetch", "unpack", "configure", "layer", "export", "disk");
        assertThat(FxToolkit.onFx(() -> vm.fileNameProperty().get())).isEqualTo("my-remix.qcow2");
        assertThat(FxToolkit.onFx(vm::diskNote)).contains("UEFI").contains("my-remix.xml");
        assertThat(FxToolkit.onFx(() -> vm.kernelProperty().get())).isEqualTo("cloud");

        FxToolkit.onFx(() -> vm.outputProperty().set(OutputChoice.VMDK));
        assertThat(FxToolkit.onFx(() -> vm.fileNameProperty().get())).isEqualTo("my-remix.vmdk");
    }

    @Test
    void compression_meansZstdLayersForContainers_compressedClustersForQcow2_andIsOfferedOnlyThere() {
        assertThat(BuildViewModel.compressionOption(OutputChoice.CONTAINER_TARBALL)).startsWith("zstd layers");
        assertThat(BuildViewModel.compressionOption(OutputChoice.OCI_DIRECTORY)).startsWith("zstd layers");
        assertThat(BuildViewModel.compressionOption(OutputChoice.QCOW2)).startsWith("Compressed clusters");
        assertThat(BuildViewModel.compressionOption(OutputChoice.RAW_DISK)).isNull();
        assertThat(BuildViewModel.compressionOption(OutputChoice.VMDK)).isNull();
        assertThat(BuildViewModel.compressionOption(OutputChoice.ROOTFS_TARBALL)).isNull();
    }

    @Test
    void engineDiskEvents_goToTheDiskRow() {
        assertThat(BuildViewModel.rowOf("disk")).isEqualTo("disk");
        assertThat(BuildViewModel.rowOf("ext4")).isEqualTo("disk");
        assertThat(BuildViewModel.rowOf("resolve")).isEqualTo("release");
        assertThat(BuildViewModel.rowOf("fetch")).isEqualTo("fetch");
    }

    @Test
    void aDiskSizeThatIsNotASize_isShownAtOnce_andRefusesTheBuild() throws Exception {
        BuildViewModel vm = studio.build();
        FxToolkit.onFx(() -> {
            vm.outputProperty().set(OutputChoice.QCOW2);
            vm.directoryProperty().set(dir);
            vm.diskSizeProperty().set("4 gigs");
        });
        assertThat(FxToolkit.onFx(() -> vm.diskSizeProblemProperty().get())).contains("'4 gigs'");

        assertThat(FxToolkit.onFx(vm::start)).isNull();

        assertThat(FxToolkit.onFx(() -> vm.errorProperty().get())).contains("'4 gigs'").contains("4G");
        assertThat(FxToolkit.onFx(() -> vm.runningProperty().get())).isFalse();
        FxToolkit.onFx(() -> vm.diskSizeProperty().set("4G"));
        assertThat(FxToolkit.onFx(() -> vm.diskSizeProblemProperty().get())).isEmpty();
    }

    @Test
    void theLayerStackPreviewsTheVmEssentialsOnlyForDisks_andSaysWhenTheSourcesHaveNoKernel() throws Exception {
        FxToolkit.onFx(() -> studio.build().outputProperty().set(OutputChoice.RAW_DISK));

        FxToolkit.waitFor("the preview's answer", () -> !studio.layers().essentialsErrorProperty().get().isEmpty());
        assertThat(FxToolkit.onFx(() -> studio.layers().essentialsErrorProperty().get()))
                .contains("linux-image-cloud-amd64").contains("generic");
        assertThat(FxToolkit.onFx(() -> studio.layers().items().get(studio.layers().items().size() - 1).preview()))
                .isTrue();

        FxToolkit.onFx(() -> studio.build().outputProperty().set(OutputChoice.CONTAINER_TARBALL));
        assertThat(FxToolkit.onFx(() -> studio.layers().items().stream().noneMatch(i -> i.preview()))).isTrue();
    }
}
