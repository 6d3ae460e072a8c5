package org.remixstudio.engine.build.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.remixstudio.engine.export.oci.LayerTarWriter;

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
 * @param layers          how the layers are compressed: gzip or zstd ({@code NONE} is not a layer choice)
 */
public record PipelineOptions(Path output, OutputFormat format, boolean squash, String tag, List<String> aptSources,
                              Long sourceDateEpoch, SbomRecipe sbom, LayerTarWriter.Compression layers) {

    /** Options without SBOMs, gzip layers. */
    public PipelineOptions(Path output, OutputFormat format, boolean squash, String tag, List<String> aptSources,
                           Long sourceDateEpoch) {
        this(output, format, squash, tag, aptSources, sourceDateEpoch, null, LayerTarWriter.Compression.GZIP);
    }

    public PipelineOptions {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        if (layers == LayerTarWriter.Compression.NONE) {
            throw new IllegalArgumentException("layers are stored gzip- or zstd-compressed");
        }
        Objects.requireNonNull(layers, "layers");
        aptSources = List.copyOf(aptSources);
    }
}
