package org.remixstudio.engine.build.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.remixstudio.engine.export.oci.ImageLayer;
import org.remixstudio.engine.export.oci.ImageReference;
import org.remixstudio.engine.export.oci.ImageSpec;
import org.remixstudio.engine.export.oci.RuntimeConfig;
import org.remixstudio.engine.spec.ContainerConfigSpec;
import org.remixstudio.engine.spec.RemixSpec;

/**
 * The image configuration of a remix (OCI image spec, "config.md"): its container settings with
 * Docker's defaults where the spec gives none ({@code PATH}, {@code /bin/sh}), the
 * {@code org.opencontainers.image.*} annotations ("annotations.md"), and the architecture as OCI names it.
 */
final class ImageConfigs {

    private ImageConfigs() {
    }

    /** @param sbomAnnotations the SBOMs' references, as annotations and labels both */
    static ImageSpec imageSpec(RemixSpec spec, ImageReference ref, List<ImageLayer> layers, Instant created,
                               Map<String, String> sbomAnnotations) {
        ContainerConfigSpec c = spec.container();
        List<String> env = new ArrayList<>();
        c.env().forEach((k, v) -> env.add(k + "=" + v));
        if (c.env().keySet().stream().noneMatch("PATH"::equals)) {
            env.add(0, "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        }
        // the SBOM references go into the config's labels too: docker-archive readers drop manifest annotations
        Map<String, String> labels = new LinkedHashMap<>(c.labels());
        labels.putAll(sbomAnnotations);
        RuntimeConfig runtime = new RuntimeConfig(c.user().orElse(""), env, c.entrypoint(),
                c.cmd().isEmpty() && c.entrypoint().isEmpty() ? List.of("/bin/sh") : c.cmd(),
                c.workdir().orElse(""), new TreeSet<>(c.exposedPorts()), labels, "");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("org.opencontainers.image.title", spec.name());
        annotations.put("org.opencontainers.image.created", created.toString());
        if (!spec.description().isEmpty()) {
            annotations.put("org.opencontainers.image.description", spec.description());
        }
        annotations.putAll(sbomAnnotations);
        return new ImageSpec(ref, goArch(spec.architecture()), "linux", runtime, layers, created, annotations);
    }

    /** Debian architecture names as OCI (GOARCH) spells them. */
    static String goArch(String debian) {
        return switch (debian) {
            case "i386" -> "386";
            case "armhf", "armel" -> "arm";
            case "ppc64el" -> "ppc64le";
            default -> debian;
        };
    }
}
