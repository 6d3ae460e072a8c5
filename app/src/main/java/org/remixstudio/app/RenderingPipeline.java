package org.remixstudio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's software renderer where there is no GPU to render with. Prism tries OpenGL (es2)
 * first; on a Linux machine without a DRI device (a VM, a container, Xvfb) that can only be Mesa's
 * software rasterizer, which loads LLVM (about 50 MB resident) and then either fails, as under Xvfb
 * here, or draws more slowly than Prism's own software pipeline. Where {@code /dev/dri} has a device,
 * or the user set {@code prism.order} themselves, nothing is changed.
 */
public final class RenderingPipeline {

    private static final String PROPERTY = "prism.order";

    private RenderingPipeline() {
    }

    /** Call before the JavaFX toolkit starts. */
    public static void preferSoftwareWithoutGpu() {
        preferSoftwareWithoutGpu(Path.of("/dev/dri"));
    }

    static void preferSoftwareWithoutGpu(Path dri) {
        if (System.getProperty(PROPERTY) == null && System.getProperty("os.name", "").startsWith("Linux")
                && !hasDevice(dri)) {
            System.setProperty(PROPERTY, "sw");
        }
    }

    private static boolean hasDevice(Path dri) {
        try (Stream<Path> devices = Files.list(dri)) {
            return devices.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
