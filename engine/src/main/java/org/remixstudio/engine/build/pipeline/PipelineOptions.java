package org.remixstudio.engine.build.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How {@link ImagePipeline} builds and writes one image.
 *
 * @param output          the file (or directory for {@link OutputFormat#OCI_DIR}) to write
 * @param format          what to write
 * @param squash          one layer holding the final tree instead of one per spec layer
 * @param tag             {@code name:tag} to load the image under, or {@code null} for {@code SPECNAME:latest}
 * @param aptSources      one-line source entries written to the image's {@code /etc/apt/sources.list}
 * @param sourceDateEpoch seconds for every file time and the creation time, or {@code null} for now
 * @param sbom            how to write the image's SBOMs (into the image, beside it, into its annotations), or
 *                        {@code null} for none
 */
public record PipelineOptions(Path output, OutputFormat format, boolean squash, String tag, List<String> aptSources,
                              Long sourceDateEpoch, SbomRecipe sbom) {

    /** Options without SBOMs. */
    public PipelineOptions(Path output, OutputFormat format, boolean squash, String tag, List<String> aptSources,
                           Long sourceDateEpoch) {
        this(output, format, squash, tag, aptSources, sourceDateEpoch, null);
    }

    public PipelineOptions {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        aptSources = List.copyOf(aptSources);
    }
}
