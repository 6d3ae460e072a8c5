package org.remixstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingPipelineTest {

    @TempDir
    Path tmp;

    private String saved;

    @BeforeEach
    void clear() {
        saved = System.getProperty("prism.order");
        System.clearProperty("prism.order");
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("prism.order");
        } else {
            System.setProperty("prism.order", saved);
        }
    }

    @Test
    void withoutADriDevice_theSoftwarePipelineIsChosen() {
        RenderingPipeline.preferSoftwareWithoutGpu(tmp.resolve("no-dri"));

        assertThat(System.getProperty("prism.order")).isEqualTo("sw");
    }

    @Test
    void withADriDevice_prismChoosesAsUsual() throws Exception {
        Path dri = Files.createDirectories(tmp.resolve("dri"));
        Files.createFile(dri.resolve("renderD128"));

        RenderingPipeline.preferSoftwareWithoutGpu(dri);

        assertThat(System.getProperty("prism.order")).isNull();
    }

    @Test
    void aPipelineTheUserChose_isKept() {
        System.setProperty("prism.order", "es2");

        RenderingPipeline.preferSoftwareWithoutGpu(tmp.resolve("no-dri"));

        assertThat(System.getProperty("prism.order")).isEqualTo("es2");
    }
}
