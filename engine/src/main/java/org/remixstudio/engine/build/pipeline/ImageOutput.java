package org.remixstudio.engine.build.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.remixstudio.engine.api.EngineException;
import org.remixstudio.engine.api.ProgressEvent;
import org.remixstudio.engine.export.oci.ImageSpec;
import org.remixstudio.engine.export.oci.OciArchiveWriter;
import org.remixstudio.engine.export.oci.OciDirectoryWriter;
import org.remixstudio.engine.io.AtomicFiles;

/**
 * Puts a finished build where the user asked for it, in the asked format, with its SBOMs beside it:
 * an OCI archive that is also a docker-archive, an OCI directory, or a root filesystem tar. Every
 * output appears only when complete ({@link AtomicFiles}, and the writers' own temporary names).
 */
final class ImageOutput {

    private final PipelineOptions options;
    private final Consumer<ProgressEvent> progress;

    ImageOutput(PipelineOptions options, Consumer<ProgressEvent> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** The flattened tree's plain tar, {@code tar} (in the work directory), copied to the output. */
    BuiltImage rootfs(Path tar, List<BuiltLayer> layers, List<String> warnings, ImageSbomFiles sboms) {
        try {
            AtomicFiles.writeFile(options.output(), tmp -> Files.copy(tar, tmp, StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException e) {
            throw new EngineException("cannot write " + options.output() + ": " + e.getMessage(), e);
        }
        return new BuiltImage(options.output(), "", size(options.output()), layers, warnings, beside(sboms));
    }

    /** Writes {@code image}: an OCI archive that is also a docker-archive, or an OCI directory. */
    BuiltImage image(ImageSpec image, List<BuiltLayer> layers, List<String> warnings, ImageSbomFiles sboms) {
        progress.accept(new ProgressEvent("export", options.output().toString(), 0, 1, ProgressEvent.Unit.ITEMS));
        String digest;
        if (options.format() == OutputFormat.OCI_DIR) {
            new OciDirectoryWriter().write(image, options.output());
            digest = new OciArchiveWriter().manifestDigest(image).toString();
        } else {
            // every blob was hashed in this build as it was written, or proven unchanged by LayerCache.verify
            OciArchiveWriter archive = new OciArchiveWriter(false);
            archive.write(image, options.output());
            digest = archive.manifestDigest(image).toString();
        }
        List<Path> beside = beside(sboms);
        progress.accept(new ProgressEvent("export", options.output().toString(), 1, 1, ProgressEvent.Unit.ITEMS));
        return new BuiltImage(options.output(), digest, size(options.output()), layers, warnings, beside);
    }

    private List<Path> beside(ImageSbomFiles sboms) {
        return sboms == null ? List.of() : sboms.writeBeside(options.output());
    }

    /** The bytes of a file, or of the files in a directory; -1 when they cannot be read. */
    private static long size(Path output) {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
